using ActorImport.Model;

namespace ActorImport.Discovery;

/// <summary>
/// One <c>(suffix, loader class)</c> pair of <c>_get_supported_file_loaders()</c>. Immutable.
/// </summary>
public sealed record FileLoaderKind(string Suffix, Func<string, string, ILoader> Create)
{
    /// <summary>
    /// 3.11's order on Linux: extension suffixes, then <c>.py</c>, then <c>.pyc</c>; the loaders
    /// hand their module bodies to <paramref name="runner"/>.
    /// </summary>
    public static IReadOnlyList<FileLoaderKind> Supported(IModuleBodyRunner? runner = null)
    {
        var kinds = new List<FileLoaderKind>();
        foreach (string suffix in ExtensionFileLoader.Suffixes)
        {
            kinds.Add(new(suffix, (name, path) => new ExtensionFileLoader(name, path, runner)));
        }
        kinds.Add(new(".py", (name, path) => new SourceFileLoader(name, path, runner)));
        kinds.Add(new(".pyc", (name, path) => new SourcelessFileLoader(name, path, runner)));
        return kinds;
    }
}

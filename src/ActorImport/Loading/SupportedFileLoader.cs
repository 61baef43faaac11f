using ActorImport.Model;

namespace ActorImport.Loading;

/// <summary>
/// One entry of <c>_get_supported_file_loaders()</c>: a loader factory
/// (<c>loader_class(name, path)</c>) and the file suffixes it handles. <c>FileFinder</c> and
/// <see cref="ImportUtil.SpecFromFileLocation(string, string?, ILoader?, IReadOnlyList{SupportedFileLoader}?, BytecodeCacheOptions?)"/>
/// take a list of them. Immutable; safe from any thread if <see cref="Create"/> is.
/// </summary>
public sealed record SupportedFileLoader(Func<string, string, ILoader> Create, IReadOnlyList<string> Suffixes)
{
    /// <summary>
    /// <c>_get_supported_file_loaders()</c> of 3.11 on Linux, in its order: extensions
    /// (<see cref="ExtensionFileLoader.Suffixes"/>), then <c>.py</c>, then <c>.pyc</c>. The
    /// loaders hand their module bodies to <paramref name="runner"/>.
    /// </summary>
    public static IReadOnlyList<SupportedFileLoader> Default(IModuleBodyRunner? runner = null) =>
    [
        new((name, path) => new ExtensionFileLoader(name, path, runner), ExtensionFileLoader.Suffixes),
        new((name, path) => new SourceFileLoader(name, path, runner), [".py"]),
        new((name, path) => new SourcelessFileLoader(name, path, runner), [".pyc"]),
    ];
}

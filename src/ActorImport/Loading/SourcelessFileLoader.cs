namespace ActorImport.Loading;

/// <summary>
/// <c>importlib.machinery.SourcelessFileLoader</c> (finding side): a <c>.pyc</c> file without
/// source. Immutable; safe from any thread.
/// </summary>
public sealed class SourcelessFileLoader : FileLoader
{
    public SourcelessFileLoader(string fullname, string path, IModuleBodyRunner? runner = null)
        : base(fullname, path, runner)
    {
    }

    public override string PythonClassName => "SourcelessFileLoader";

    /// <summary>There is no source for bytecode (CPython answers None).</summary>
    public override string? GetSource(string fullname) => null;
}

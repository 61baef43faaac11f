using ActorImport.Model;

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

    /// <summary>
    /// The checks of <c>SourcelessFileLoader.get_code</c> this engine can make on CPython's
    /// bytecode: <c>_classify_pyc</c> on the header (bad magic, truncated header, bad flags: its
    /// ImportError or EOFError, never ignored, since there is no source to fall back on), then an
    /// empty body is marshal's <c>EOFError</c>. The body itself is not unmarshalled (the engine
    /// cannot run CPython's code objects), so a corrupt body past its first byte is not detected.
    /// </summary>
    public void CheckCode()
    {
        string path = GetFilename(Name);
        byte[] data = GetData(path);
        PycHeader.Classify(data, Name, path);
        if (data.Length == PycHeader.Length)
        {
            throw new PythonException("EOFError", "EOF read where object expected");
        }
    }

    /// <summary>There is no source for bytecode (CPython answers None).</summary>
    public override string? GetSource(string fullname) => null;
}

namespace ActorImport.Loading;

/// <summary>
/// <c>importlib.machinery.ExtensionFileLoader</c> (finding side): a C extension (<c>.so</c>). The
/// module it makes is opaque unless the host registers a real one. Immutable; safe from any thread.
/// </summary>
public sealed class ExtensionFileLoader : FileLoader
{
    /// <summary><c>importlib.machinery.EXTENSION_SUFFIXES</c> of CPython 3.11 on x86_64 Linux.</summary>
    public static readonly IReadOnlyList<string> Suffixes = [".cpython-311-x86_64-linux-gnu.so", ".abi3.so", ".so"];

    public ExtensionFileLoader(string fullname, string path, IModuleBodyRunner? runner = null)
        : base(fullname, path, runner)
    {
    }

    public override string PythonClassName => "ExtensionFileLoader";

    /// <summary>An extension is a package when its file is <c>__init__</c> plus an extension suffix.</summary>
    public override bool IsPackage(string fullname)
    {
        string fileName = Path[(Path.LastIndexOf('/') + 1)..];
        foreach (string suffix in Suffixes)
        {
            if (fileName == "__init__" + suffix)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Extensions have no source.</summary>
    public override string? GetSource(string fullname) => null;
}

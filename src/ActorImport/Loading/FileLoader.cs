using System.Runtime.CompilerServices;
using ActorImport.Model;

namespace ActorImport.Loading;

/// <summary>
/// <c>importlib.machinery.FileLoader</c>: the shared part of the file-based loaders — one module
/// name and one file path. Immutable; safe from any thread (each call reads the file anew).
/// </summary>
public abstract class FileLoader : IExecutionLoader, IResourceLoader, IThreadSafe
{
    private readonly IModuleBodyRunner? _runner;

    protected FileLoader(string fullname, string path, IModuleBodyRunner? runner)
    {
        Name = fullname;
        Path = path;
        _runner = runner;
    }

    /// <summary><c>loader.name</c>.</summary>
    public string Name { get; }

    /// <summary><c>loader.path</c>: the file this loader reads.</summary>
    public string Path { get; }

    /// <summary>The class name CPython gives this loader (<c>type(loader).__name__</c>).</summary>
    public abstract string PythonClassName { get; }

    /// <summary>
    /// <c>_LoaderBasics.is_package</c>: the file is <c>__init__.*</c> and the module is not itself
    /// named <c>__init__</c>.
    /// </summary>
    public virtual bool IsPackage(string fullname)
    {
        string fileName = Path[(Path.LastIndexOf('/') + 1)..];
        int dot = fileName.LastIndexOf('.');
        string fileBase = dot >= 0 ? fileName[..dot] : fileName;
        string tail = fullname[(fullname.LastIndexOf('.') + 1)..];
        return fileBase == "__init__" && tail != "__init__";
    }

    /// <summary><c>FileLoader.get_filename</c>: the path, for this loader's own module only.</summary>
    public string GetFilename(string fullname)
    {
        CheckName(fullname);
        return Path;
    }

    /// <summary><c>FileLoader.get_data</c>: the raw bytes of <paramref name="path"/>.</summary>
    public byte[] GetData(string path) => File.ReadAllBytes(path);

    public abstract string? GetSource(string fullname);

    public virtual ModuleObject? CreateModule(ModuleSpec spec) => null;

    public void ExecModule(ModuleObject module) => ModuleBodyRunners.Run(_runner, this, module);

    /// <summary><c>_check_name</c>: a loader only answers for the module it was made for.</summary>
    protected void CheckName(string fullname)
    {
        if (fullname != Name)
        {
            throw new ImportError($"loader for {Name} cannot handle {fullname}", fullname);
        }
    }

    public override string ToString() =>
        $"<_frozen_importlib_external.{PythonClassName} object at 0x{(uint)RuntimeHelpers.GetHashCode(this):x12}>";
}

using ActorImport.Model;

namespace ActorImport.Tests.Model;

/// <summary>
/// Stand-ins for CPython's loader classes that print as CPython prints them, so that reprs can
/// be compared. The file loaders answer <c>is_package</c> as <c>_LoaderBasics</c> does. Immutable.
/// </summary>
internal sealed class FakeFileLoader(string className, string path) : IExecutionLoader
{
    public string Path { get; } = path;

    public bool IsPackage(string fullname)
    {
        string fileName = Path[(Path.LastIndexOf('/') + 1)..];
        string fileBase = fileName.Contains('.') ? fileName[..fileName.LastIndexOf('.')] : fileName;
        return fileBase == "__init__" && fullname[(fullname.LastIndexOf('.') + 1)..] != "__init__";
    }

    public string? GetSource(string fullname) => null;

    public string GetFilename(string fullname) => Path;

    public ModuleObject? CreateModule(ModuleSpec spec) => null;

    public void ExecModule(ModuleObject module)
    {
    }

    public override string ToString() => PythonRepr.DefaultObjectRepr(this, $"_frozen_importlib_external.{className}");
}

/// <summary><c>BuiltinImporter</c> / <c>FrozenImporter</c> as a class-level loader.</summary>
internal sealed class FakeClassLoader(LoaderKind kind, string qualifiedName) : IInspectLoader, ILoaderKind
{
    public LoaderKind Kind { get; } = kind;

    public bool IsPackage(string fullname) => false;

    public string? GetSource(string fullname) => null;

    public ModuleObject? CreateModule(ModuleSpec spec) => null;

    public void ExecModule(ModuleObject module)
    {
    }

    public override string ToString() => $"<class '{qualifiedName}'>";
}

/// <summary>A minimal <c>importlib.abc.Loader</c> with a fixed repr and optional <c>is_package</c>.</summary>
internal class PlainLoader(string repr) : ILoader
{
    public ModuleObject? CreateModule(ModuleSpec spec) => null;

    public void ExecModule(ModuleObject module)
    {
    }

    public override string ToString() => repr;
}

internal sealed class PackageAnsweringLoader(string repr, Func<string, bool> isPackage) : PlainLoader(repr), IInspectLoader
{
    public bool IsPackage(string fullname) => isPackage(fullname);

    public string? GetSource(string fullname) => null;
}

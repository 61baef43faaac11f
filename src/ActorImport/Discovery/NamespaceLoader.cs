using ActorImport.Model;

namespace ActorImport.Discovery;

/// <summary>
/// <c>importlib.machinery.NamespaceLoader</c>: the loader of a namespace package. There is no
/// body to run; the package is its <c>__path__</c>. Immutable; safe from any thread.
/// </summary>
public sealed class NamespaceLoader : IInspectLoader, ILoaderKind, IThreadSafe
{
    public NamespaceLoader(string name, NamespacePath path)
    {
        Name = name;
        Path = path;
    }

    public string Name { get; }

    /// <summary><c>loader._path</c>: the package's <see cref="NamespacePath"/>.</summary>
    public NamespacePath Path { get; }

    public LoaderKind Kind => LoaderKind.Namespace;

    public bool IsPackage(string fullname) => true;

    public string? GetSource(string fullname) => string.Empty;

    public ModuleObject? CreateModule(ModuleSpec spec) => null;

    /// <summary>Nothing to execute.</summary>
    public void ExecModule(ModuleObject module)
    {
    }

    public override string ToString() =>
        $"<_frozen_importlib_external.NamespaceLoader object at 0x{(uint)System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this):x12}>";
}

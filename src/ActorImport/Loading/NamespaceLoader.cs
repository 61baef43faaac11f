using ActorImport.Model;

namespace ActorImport.Loading;

/// <summary>
/// <c>importlib.machinery.NamespaceLoader</c>: the loader of a namespace package. There is no
/// body to run; the package is its <c>__path__</c>. As in 3.11, <c>PathFinder</c> leaves a
/// namespace spec's loader None and <c>_init_module_attrs</c> makes this one ("a backward
/// compatibility hack": <c>NamespaceLoader.__new__</c> with only <c>_path</c> set).
/// Immutable (the path list is the spec's own object, e.g. a live <c>_NamespacePath</c>); safe
/// from any thread.
/// </summary>
public sealed class NamespaceLoader(IList<string> path) : IInspectLoader, ILoaderKind, IThreadSafe
{
    /// <summary><c>loader._path</c>: the spec's <c>submodule_search_locations</c> (the same object).</summary>
    public IList<string> Path { get; } = path;

    public LoaderKind Kind => LoaderKind.Namespace;

    public bool IsPackage(string fullname) => true;

    public string? GetSource(string fullname) => string.Empty;

    public ModuleObject? CreateModule(ModuleSpec spec) => null;

    /// <summary>Nothing to execute.</summary>
    public void ExecModule(ModuleObject module)
    {
    }

    public override string ToString() => PythonRepr.DefaultObjectRepr(this, "_frozen_importlib_external.NamespaceLoader");
}

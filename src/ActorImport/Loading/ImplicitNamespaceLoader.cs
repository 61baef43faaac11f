using ActorImport.Model;

namespace ActorImport.Loading;

/// <summary>
/// The <c>NamespaceLoader</c> that <c>_init_module_attrs</c> makes for a spec with no loader but
/// with search locations ("a backward compatibility hack": <c>NamespaceLoader.__new__</c> with
/// only <c>_path</c> set). It has no body to run. The discovery layer's own namespace loader is
/// used for real namespace packages; this one only fills that gap.
/// Immutable (the path list is the spec's own object); safe from any thread.
/// </summary>
internal sealed class ImplicitNamespaceLoader(IList<string> path) : IInspectLoader, ILoaderKind, IThreadSafe
{
    /// <summary><c>loader._path</c>: the spec's <c>submodule_search_locations</c> (the same object).</summary>
    public IList<string> Path { get; } = path;

    public LoaderKind Kind => LoaderKind.Namespace;

    public bool IsPackage(string fullname) => true;

    public string? GetSource(string fullname) => string.Empty;

    public ModuleObject? CreateModule(ModuleSpec spec) => null;

    public void ExecModule(ModuleObject module)
    {
    }

    public override string ToString() => PythonRepr.DefaultObjectRepr(this, "_frozen_importlib_external.NamespaceLoader");
}

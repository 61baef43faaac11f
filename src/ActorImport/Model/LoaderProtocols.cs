namespace ActorImport.Model;

/// <summary>
/// <c>importlib.abc.Loader</c>. Implementations state their own thread-safety; the engine calls
/// <see cref="ExecModule"/> on the owning import chain's thread, once per initialisation.
/// </summary>
public interface ILoader
{
    /// <summary>Returns a new module, or <c>null</c> to let the import system create the default one.</summary>
    ModuleObject? CreateModule(ModuleSpec spec);

    /// <summary>Executes the module body in <paramref name="module"/>'s namespace.</summary>
    void ExecModule(ModuleObject module);
}

/// <summary><c>importlib.abc.InspectLoader</c>.</summary>
public interface IInspectLoader : ILoader
{
    bool IsPackage(string fullname);

    string? GetSource(string fullname);
}

/// <summary><c>importlib.abc.ExecutionLoader</c>.</summary>
public interface IExecutionLoader : IInspectLoader
{
    string GetFilename(string fullname);
}

/// <summary><c>importlib.abc.ResourceLoader</c>.</summary>
public interface IResourceLoader : ILoader
{
    byte[] GetData(string path);
}

/// <summary><c>importlib.abc.SourceLoader</c>'s storage side (<c>path_stats</c>, <c>set_data</c>).</summary>
public interface ISourceLoader : IExecutionLoader, IResourceLoader
{
    /// <summary><c>path_stats</c>: modification time (seconds since the epoch) and size in bytes.</summary>
    (double Mtime, long Size) PathStats(string path);

    void SetData(string path, byte[] data);
}

/// <summary><c>importlib.abc.MetaPathFinder</c>.</summary>
public interface IMetaPathFinder
{
    ModuleSpec? FindSpec(string fullname, IReadOnlyList<string>? path, ModuleObject? target = null);

    void InvalidateCaches();
}

/// <summary><c>importlib.abc.PathEntryFinder</c>.</summary>
public interface IPathEntryFinder
{
    ModuleSpec? FindSpec(string fullname, ModuleObject? target = null);

    void InvalidateCaches();
}

/// <summary>
/// A path hook (an entry of <c>sys.path_hooks</c>): returns a finder for <paramref name="pathEntry"/>
/// or throws <see cref="ImportError"/> to decline it.
/// </summary>
public delegate IPathEntryFinder PathHook(string pathEntry);

/// <summary>
/// Marker for host-supplied finders, loaders and hooks that may be called from several threads
/// at once. Without it the engine calls them one at a time, as CPython's import lock would.
/// </summary>
public interface IThreadSafe
{
}

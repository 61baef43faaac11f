using ActorImport.Loading;
using ActorImport.Model;

namespace ActorImport.Discovery;

/// <summary>
/// The import state that finding reads, one per engine: <c>sys.path</c>, <c>sys.meta_path</c>,
/// <c>sys.path_hooks</c>, <c>sys.path_importer_cache</c>, a read-only view of <c>sys.modules</c>,
/// and the gate for host callbacks. The engine's coordinator actor (issue 4/6) wraps it and is
/// then the only writer of the cache and the lists; until then any thread may edit them.
/// Thread-safety: every member may be used from any thread (each list and the cache are
/// individually thread-safe; readers work on snapshots).
/// </summary>
public sealed class FinderState
{
    private long _namespaceEpoch;

    public FinderState(IModuleTable? modules = null, string? stdlibDirectory = null, IModuleBodyRunner? bodyRunner = null, Func<string?>? currentDirectory = null, BytecodeCacheOptions? cacheOptions = null)
    {
        CacheOptions = cacheOptions ?? BytecodeCacheOptions.CPython311;
        Modules = modules ?? new ModuleTable();
        StdlibDirectory = stdlibDirectory;
        BodyRunner = bodyRunner;
        _currentDirectory = currentDirectory ?? PathText.CurrentDirectoryOrNull;
    }

    private readonly Func<string?> _currentDirectory;

    /// <summary><c>sys.path</c>.</summary>
    public SyncList<string> Path { get; } = new();

    /// <summary><c>sys.meta_path</c>.</summary>
    public SyncList<IMetaPathFinder> MetaPath { get; } = new();

    /// <summary><c>sys.path_hooks</c>.</summary>
    public SyncList<PathHook> PathHooks { get; } = new();

    /// <summary><c>sys.path_importer_cache</c>.</summary>
    public PathImporterCache PathImporterCache { get; } = new();

    /// <summary><c>sys.modules</c>, read-only.</summary>
    public IModuleTable Modules { get; }

    /// <summary>Serialises calls into host finders and hooks that are not <see cref="IThreadSafe"/>.</summary>
    public HostGate HostGate { get; } = new();

    /// <summary><c>sys._stdlib_dir</c>, where frozen modules' sources are; <c>null</c> if unknown.</summary>
    public string? StdlibDirectory { get; }

    /// <summary>Runs module bodies for the loaders this state creates; <c>null</c> until the engine supplies one.</summary>
    public IModuleBodyRunner? BodyRunner { get; }

    /// <summary><c>_NamespacePath._epoch</c>, per engine: moved on by <c>invalidate_caches</c>.</summary>
    public long NamespaceEpoch => Interlocked.Read(ref _namespaceEpoch);

    internal void AdvanceNamespaceEpoch() => Interlocked.Increment(ref _namespaceEpoch);

    /// <summary>
    /// For <c>find_spec</c> of a submodule whose parent is not in <c>sys.modules</c>: the
    /// parent's search locations, found once from its spec and then kept, as CPython keeps the
    /// parent it imported (invalidate_caches does not drop an imported module either). The
    /// engine's coordinator drops an entry when the parent is imported or removed.
    /// </summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<string, IEnumerable<string>> ParentLocations { get; } = new(StringComparer.Ordinal);

    /// <summary>The cache settings file specs compute <c>cached</c> with (default: CPython 3.11's).</summary>
    public BytecodeCacheOptions CacheOptions { get; }

    /// <summary><c>os.getcwd()</c>, or <c>null</c> when the directory is gone.</summary>
    public string? CurrentDirectory() => _currentDirectory();

    /// <summary>The <see cref="PathFinder"/> on <see cref="MetaPath"/>, if any.</summary>
    public PathFinder? PathFinder => MetaPath.Snapshot().OfType<PathFinder>().FirstOrDefault();

    /// <summary>
    /// A state laid out as CPython 3.11 starts: <c>meta_path = [BuiltinImporter, FrozenImporter,
    /// PathFinder]</c>, <c>path_hooks = [zipimporter, FileFinder.path_hook(...)]</c>.
    /// </summary>
    public static FinderState CreateDefault(IEnumerable<string> sysPath, IModuleTable? modules = null, string? stdlibDirectory = null, IModuleBodyRunner? bodyRunner = null, Func<string?>? currentDirectory = null, BytecodeCacheOptions? cacheOptions = null)
    {
        var state = new FinderState(modules, stdlibDirectory, bodyRunner, currentDirectory, cacheOptions);
        state.Path.SetAll(sysPath);
        state.MetaPath.SetAll([new BuiltinImporter(), new FrozenImporter(stdlibDirectory, runner: bodyRunner), new PathFinder(state)]);
        state.PathHooks.SetAll([ZipImporter.PathHook(bodyRunner, state.CacheOptions), FileFinder.PathHook(SupportedFileLoader.Default(bodyRunner), state.CacheOptions)]);
        return state;
    }

    /// <summary><c>importlib.invalidate_caches()</c>: every meta-path finder's <c>invalidate_caches</c>.</summary>
    public void InvalidateCaches()
    {
        foreach (IMetaPathFinder finder in MetaPath.Snapshot())
        {
            HostGate.Call(finder, finder.InvalidateCaches);
        }
    }
}

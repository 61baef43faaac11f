using ActorImport.Configuration;
using ActorImport.Discovery;
using ActorImport.Model;
using ActorImport.Python.Caching;
using ActorImport.Python.Interpreting;
using ActorImport.Python.Interpreting.Facts;
using Microsoft.Extensions.Configuration;

namespace ActorImport.Engine;

/// <summary>
/// One independent Python interpreter's import system (several engines in one process share
/// nothing): <c>sys.modules</c> (<see cref="Modules"/>), <c>sys.path</c>, <c>sys.meta_path</c>,
/// <c>sys.path_hooks</c>, <c>sys.path_importer_cache</c>, and importlib's entry points —
/// <see cref="ImportModule"/> (<c>importlib.import_module</c>), <see cref="ImportName"/>
/// (<c>builtins.__import__</c>), <see cref="ImportModuleAsync"/>, <see cref="FindSpec"/>
/// (<c>importlib.util.find_spec</c>), <see cref="Reload"/> (<c>importlib.reload</c>) and
/// <see cref="InvalidateCaches"/>. Module bodies run on the importing chain's thread through the
/// import-level interpreter, which calls back into this engine for every import
/// (<see cref="IImportCallback"/>).
/// <para>Data flow (design.md "One import, as data flows"): a ready module in the published
/// <c>sys.modules</c> is returned without a message; otherwise the parent is imported first, then
/// the chain claims the module from the coordination (<see cref="IImportCoordination"/>: actors
/// or locks), and the owner finds, publishes, executes, re-reads, binds on the parent, marks it
/// ready and reports it finished.</para>
/// Thread-safety: every public member may be called from any thread, concurrently.
/// </summary>
public sealed partial class ImportEngine : IImportCallback, IDisposable, IAsyncDisposable
{
    private readonly ImportEngineOptions _options;
    private readonly ModuleMap _map = new();
    private readonly FinderState _state;
    private readonly IImportCoordination _coordination;
    private readonly ImportActorSystem? _actors;
    private readonly PathEntryActors? _pathEntries;
    private readonly AsyncLocal<ImportChain?> _currentChain = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ModuleObject> _reloading = new(StringComparer.Ordinal);
    private long _lastChainId;

    /// <param name="options">The engine's settings; null for the defaults (an empty search path).</param>
    /// <param name="actorSystem">
    /// The host's actor system (shared: the engine never terminates it), or null for one of the
    /// engine's own, created from <see cref="ImportEngineOptions.Configuration"/>'s <c>akka</c>
    /// section and terminated on dispose. Used by the actors coordination only.
    /// </param>
    public ImportEngine(ImportEngineOptions? options = null, Akka.Actor.ActorSystem? actorSystem = null)
    {
        _options = options ?? new ImportEngineOptions();
        Statistics = new EngineStatistics();
        Interpreter = new ModuleInterpreter(this, _options.Interpreter);
        var cache = _options.CompiledCache is null ? null : new CompiledModuleCache(_options.CompiledCache);
        var runner = new EngineBodyRunner(new SourceModuleRunner(Interpreter, cache), Statistics, _options.OnDiagnostic, this, ExtensionImportTable.For(_options.Interpreter.TargetVersion, _options.Interpreter.Platform));
        _state = FinderState.CreateDefault(_options.SearchPath, _map, _options.StdlibDirectory, runner);
        if (_options.IncludeStartupModules)
        {
            StartupModules.Install(_map, _state);
        }
        if (_options.Coordination == CoordinationMode.Actors)
        {
            IConfiguration configuration = _options.Configuration ?? EmptyConfiguration;
            _actors = actorSystem is null
                ? ImportActorSystem.Create(configuration, $"actor-import-{Guid.NewGuid():N}")
                : ImportActorSystem.Share(actorSystem, configuration);
            _coordination = new ActorCoordination(_actors, _map, Statistics);
            // Path entries are searched in parallel by their actors (the lock baseline searches
            // inline), unless the host supplies its own transport below.
            if (_options.PathEntries is null)
            {
                _pathEntries = PathEntryActors.Install(_actors, _state);
            }
        }
        else
        {
            _coordination = new LockCoordination(_map, Statistics);
        }
        Modules = new EngineModules(_map, _coordination);
        if (_options.PathEntries is { } pathEntries && _state.PathFinder is PathFinder pathFinder)
        {
            pathFinder.Asker = pathEntries(_state, _actors?.System ?? actorSystem);
        }
    }

    /// <summary>The settings this engine was built with.</summary>
    public ImportEngineOptions Options => _options;

    /// <summary><c>sys.modules</c>: lock-free reads of the published map; writes and deletes through the coordination.</summary>
    public EngineModules Modules { get; }

    /// <summary><c>sys.path</c>.</summary>
    public SyncList<string> Path => _state.Path;

    /// <summary><c>sys.meta_path</c>.</summary>
    public SyncList<IMetaPathFinder> MetaPath => _state.MetaPath;

    /// <summary><c>sys.path_hooks</c>.</summary>
    public SyncList<PathHook> PathHooks => _state.PathHooks;

    /// <summary><c>sys.path_importer_cache</c>.</summary>
    public PathImporterCache PathImporterCache => _state.PathImporterCache;

    /// <summary>The finding state (for hosts that install their own path-entry transport).</summary>
    public FinderState FinderState => _state;

    /// <summary>Waits, partial hand-overs, module actors, bodies run.</summary>
    public EngineStatistics Statistics { get; }

    /// <summary>The coordination in use (actors or locks).</summary>
    public IImportCoordination Coordination => _coordination;

    /// <summary>The interpreter that runs this engine's module bodies.</summary>
    public ModuleInterpreter Interpreter { get; }

    /// <summary>The engine's actor system, or null under the lock coordination.</summary>
    public ImportActorSystem? Actors => _actors;

    /// <summary>The path-entry actors that search this engine's path entries, or null under the lock coordination.</summary>
    public PathEntryActors? PathEntries => _pathEntries;

    private static readonly IConfiguration EmptyConfiguration = new ConfigurationBuilder().Build();

    /// <summary>
    /// The chain of the calling flow, or null outside any import. Imports made by a module
    /// body belong to the chain that runs the body.
    /// </summary>
    public ImportChain? CurrentChain => _currentChain.Value;

    /// <summary>
    /// Runs <paramref name="action"/> in the calling flow's chain, starting a new chain (and
    /// ending it afterwards) when the flow has none.
    /// </summary>
    private T InChain<T, TArg>(TArg argument, Func<ImportChain, TArg, T> action)
    {
        ImportChain? current = _currentChain.Value;
        if (current is not null)
        {
            return action(current, argument);
        }
        var chain = new ImportChain(Interlocked.Increment(ref _lastChainId));
        _currentChain.Value = chain;
        try
        {
            T result = action(chain, argument);
            ThrowIfDisposed(); // an import in flight when the engine was disposed gets the clear error, even if it got this far
            return result;
        }
        catch (Exception e) when (IsDisposalFailure(e))
        {
            throw DisposedDuring(e);
        }
        finally
        {
            _currentChain.Value = null;
        }
    }

    /// <summary>The current chain, or a new one installed for the rest of this async flow (async entry points only).</summary>
    private ImportChain EnterChainAsync() =>
        _currentChain.Value ??= new ImportChain(Interlocked.Increment(ref _lastChainId));

    /// <summary><c>importlib.invalidate_caches()</c>.</summary>
    public void InvalidateCaches() => _state.InvalidateCaches();

}

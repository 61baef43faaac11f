using ActorImport.Model;
using ActorImport.Configuration;
using ActorImport.Diagnostics;
using ActorImport.Discovery;
using ActorImport.Python.Caching;
using ActorImport.Python.Interpreting;
using Microsoft.Extensions.Configuration;

namespace ActorImport.Engine;

/// <summary>
/// Everything one <see cref="ImportEngine"/> is built from. Immutable (init-only); safe to share
/// between engines. <see cref="FromConfiguration"/> maps the bound <c>actor-import</c> options.
/// </summary>
public sealed record ImportEngineOptions
{
    /// <summary><c>sys.path</c> at start, in order (directories or zip files).</summary>
    public IReadOnlyList<string> SearchPath { get; init; } = [];

    /// <summary><c>sys._stdlib_dir</c>: where frozen modules' sources are; null if unknown.</summary>
    public string? StdlibDirectory { get; init; }

    /// <summary>Actors (default) or locks; see <see cref="IImportCoordination"/>.</summary>
    public CoordinationMode Coordination { get; init; } = CoordinationMode.Actors;

    /// <summary>What module bodies may test (<c>sys.version_info</c> …) and the PEP 810 lazy mode.</summary>
    public InterpreterOptions Interpreter { get; init; } = InterpreterOptions.Default;

    /// <summary>The compiled-module cache's settings, or null to parse every body from source.</summary>
    public BytecodeCacheOptions? CompiledCache { get; init; }

    /// <summary>
    /// The layered configuration (akka.hocon, environment, switches) whose <c>akka</c> section an
    /// engine-owned actor system is created from (its dispatcher, ask timeout, log levels);
    /// null for the built-in defaults (<see cref="AkkaSection.Defaults"/>).
    /// </summary>
    public IConfiguration? Configuration { get; init; }

    /// <summary>How long a chain waits for another chain's attempt; infinite as CPython by default.</summary>
    public TimeSpan ImportWait { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>python3 3.11's import depth under its default recursion limit (see <see cref="MaxImportDepth"/>).</summary>
    public const int DefaultMaxImportDepth = 141;

    /// <summary>
    /// Module bodies one chain may execute one inside another before the next import raises
    /// RecursionError (CPython's recursion limit, in imports). The engine also raises it, whatever
    /// this says, when the thread's stack runs short: a deep chain never overflows the stack.
    /// </summary>
    public int MaxImportDepth { get; init; } = DefaultMaxImportDepth;

    /// <summary>Start with the modules <c>python3 -I -S</c> starts with (<see cref="StartupModules"/>). Default true.</summary>
    public bool IncludeStartupModules { get; init; } = true;

    /// <summary>
    /// How the path finder asks its entries, made once per engine from its finding state and
    /// actor system (null under locks): e.g. path-entry actors. Null keeps the inline asker
    /// (entries asked on the importing thread, in order, as CPython does).
    /// </summary>
    public Func<FinderState, Akka.Actor.ActorSystem?, IPathEntryAsker>? PathEntries { get; init; }

    /// <summary>Receives what the interpreter could not decide, with the module it ran; null ignores it.</summary>
    public Action<string, InterpreterDiagnostic>? OnDiagnostic { get; init; }

    /// <summary>
    /// Receives the engine's import events (imports started and finished with their depth, cache
    /// hits, waits, partial hand-overs, lazy reifications, failures): e.g. an
    /// <see cref="ImportTelemetry"/>, an <see cref="ImportTimeRecorder"/>, a
    /// <see cref="ChromeTraceRecorder"/>, or several through <see cref="ImportObservers.Combine"/>.
    /// Null (the default) costs one null check per event point.
    /// </summary>
    public IImportObserver? Observer { get; init; }

    /// <summary>
    /// The engine options the configuration describes: the resolved search path (<c>auto</c>
    /// expanded by <paramref name="resolver"/>, default the host's), coordination, timeouts,
    /// lazy-import mode, cache tag and bytecode settings.
    /// </summary>
    public static ImportEngineOptions FromConfiguration(ActorImportOptions options, SearchPathResolver? resolver = null, string? stdlibDirectory = null, IConfiguration? configuration = null)
    {
        resolver ??= SearchPathResolver.ForHost(options.Python.TargetVersion);
        IReadOnlyList<string> path = resolver.Resolve(options.Search.Path);
        stdlibDirectory ??= path.FirstOrDefault(p => HostPythonPath.IsStdlib(p));
        return new ImportEngineOptions
        {
            SearchPath = path,
            StdlibDirectory = stdlibDirectory,
            Coordination = options.Engine.Coordination,
            Configuration = configuration,
            ImportWait = options.Timeouts.ImportWait,
            MaxImportDepth = options.Engine.MaxImportDepth,
            Interpreter = InterpreterOptions.Default.WithBudget(options.Interpreter) with { LazyImports = options.LazyImports.Mode },
            CompiledCache = options.ToBytecodeCacheOptions(),
        };
    }
}

using System.Diagnostics;
using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Model;
using ActorImport.Stress.Checking;
using Akka.Actor;
using Akka.Configuration;

namespace ActorImport.Stress.Running;

/// <summary>
/// Runs seeds: for each, writes the seed's universe, builds one engine on it, lets
/// <see cref="StressSettings.Threads"/> threads import every name in seeded random orders,
/// checks the invariants (<see cref="InvariantChecker"/>), and with
/// <see cref="StressSettings.Differential"/> compares a single-thread run with python3's
/// (<see cref="StressDifferential"/>). Everything follows from the seed, so a violation is
/// reproduced by running its seed again (<see cref="StressSettings.ReproCommand"/>). Under the
/// actor coordination the seeds' engines share one actor system the runner owns.
/// Thread-safety: run one seed at a time per runner; dispose once.
/// </summary>
public sealed class StressRunner : IDisposable
{
    private readonly StressSettings _settings;
    private readonly ActorSystem? _system;
    private readonly string _work;

    public StressRunner(StressSettings settings)
    {
        settings.Validate();
        _settings = settings;
        _work = Path.Combine(settings.WorkDirectory ?? Path.GetTempPath(), $"actorimport-stress-{Guid.NewGuid():N}");
        if (settings.Coordination == CoordinationMode.Actors)
        {
            _system = ActorSystem.Create("actor-import-stress", ConfigurationFactory.ParseString(EngineActorSystem.DefaultConfig));
        }
    }

    public StressSettings Settings => _settings;

    /// <summary>Thread <paramref name="thread"/>'s order of <paramref name="universe"/>'s names for <paramref name="seed"/>: a seeded shuffle.</summary>
    public static IReadOnlyList<string> OrderOf(Universe universe, int seed, int thread)
    {
        string[] names = [.. universe.Modules];
        new Random(unchecked((seed * 7919) + thread + 1)).Shuffle(names);
        return names;
    }

    public SeedResult RunSeed(int seed)
    {
        var stopwatch = Stopwatch.StartNew();
        string directory = Path.Combine(_work, $"seed-{seed}");
        var violations = new List<Violation>();
        (int modules, int imports, long waits, long partials, long bodies, bool hung, bool compared) = (0, 0, 0, 0, 0, false, false);
        try
        {
            Universe universe = UniverseGenerator.Write(_settings.ShapeOf(seed), directory);
            modules = universe.Modules.Count;
            ImportEngineOptions options = _settings.Engine with
            {
                SearchPath = [.. universe.SearchPath, .. _settings.Engine.SearchPath],
                Coordination = _settings.Coordination,
                ImportWait = _settings.HangTimeout,
            };
            var engine = new ImportEngine(options, _system);
            IReadOnlyList<IReadOnlyList<string>> orders = [.. Enumerable.Range(0, _settings.Threads).Select(t => OrderOf(universe, seed, t))];
            var run = new ThreadedImport(engine, orders);
            IReadOnlyList<HungThread> hungThreads = run.Run(_settings.HangTimeout);
            hung = hungThreads.Count > 0;
            StressObservations observations = Observe(universe, engine, run.Observations(hungThreads), hungThreads);
            violations.AddRange(InvariantChecker.Check(universe, observations));
            imports = observations.ByThread.Sum(o => o.Count);
            (waits, partials, bodies) = (engine.Statistics.Waits, observations.Partials, engine.Statistics.BodiesExecuted);
            if (hung)
            {
                // Threads are still inside the engine: let it go in the background, never wait for it here.
                _ = Task.Run(engine.Dispose);
                return Result();
            }
            engine.Dispose();
            if (_settings.Differential)
            {
                compared = true;
                violations.AddRange(StressDifferential.Compare(universe, options, OrderOf(universe, seed, 0), _settings.Python, _settings.HangTimeout, _system));
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            violations.Add(new Violation(Violations.Crash, string.Empty, $"{e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}"));
        }
        finally
        {
            if (!hung)
            {
                TryDelete(directory);
            }
        }
        return Result();

        SeedResult Result() => new(seed, violations, modules, imports, waits, partials, bodies, hung, compared, stopwatch.Elapsed);
    }

    /// <summary>What the checker reads: <c>sys.modules</c> for the universe's names, the initialising names, the ledger's counts and the partial hand-overs.</summary>
    private static StressObservations Observe(Universe universe, ImportEngine engine, IReadOnlyList<IReadOnlyList<Checking.ImportObservation>> byThread, IReadOnlyList<HungThread> hung)
    {
        var final = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (string name in universe.Modules)
        {
            if (engine.Modules.TryGetValue(name, out object? module))
            {
                final[name] = module;
            }
        }
        var executions = new Dictionary<string, int>(StringComparer.Ordinal);
        if (universe.Ledger is { } ledgerName && final.GetValueOrDefault(ledgerName) is ModuleObject ledger)
        {
            foreach (var (name, list) in universe.LedgerLists)
            {
                executions[name] = ledger.GetAttributeOrDefault(list) is List<object?> entries ? entries.Count : 0;
            }
        }
        return new StressObservations
        {
            ByThread = byThread,
            FinalModules = final,
            Initializing = hung.Count > 0 ? [] : engine.Modules.Initializing(),
            Executions = executions,
            Hung = hung,
            Partials = engine.Statistics.SameChainPartials + engine.Statistics.CrossChainPartials,
        };
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public void Dispose()
    {
        _system?.Terminate().Wait(TimeSpan.FromSeconds(10));
        TryDelete(_work);
    }
}

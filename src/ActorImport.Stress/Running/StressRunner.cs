using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Model;
using ActorImport.Stress.Checking;
using ActorImport.Stress.Reports;
using Akka.Actor;

namespace ActorImport.Stress.Running;

/// <summary>
/// Runs seeds: for each, writes the seed's universe, builds one engine on it, lets
/// <see cref="StressSettings.Threads"/> threads import every name in seeded random orders,
/// and checks the invariants (<see cref="InvariantChecker"/>); with
/// <see cref="StressSettings.Differential"/> a fresh engine also imports every name on one
/// thread and its report is compared with python3's (<see cref="StressDifferential"/>; CPython
/// reports a batch of seeds from one process). Everything follows from the seed, so a violation
/// is reproduced by running its seed again (<see cref="StressSettings.ReproCommand"/>). Under the
/// actor coordination the seeds' engines share one actor system the runner owns.
/// Thread-safety: one caller at a time; dispose once.
/// </summary>
public sealed class StressRunner : IDisposable
{
    /// <summary>Seeds whose CPython reports come from one python3 process.</summary>
    private const int DifferentialBatch = 25;

    private readonly StressSettings _settings;
    private readonly ImportActorSystem? _actors;
    private readonly ActorSystem? _system;
    private readonly string _work;

    public StressRunner(StressSettings settings)
    {
        settings.Validate();
        _settings = settings;
        _work = Path.Combine(settings.WorkDirectory ?? Path.GetTempPath(), $"actorimport-stress-{Guid.NewGuid():N}");
        if (settings.Coordination == CoordinationMode.Actors)
        {
            // One system for every seed's engine (shared, so each engine costs no system start-up).
            _actors = ImportActorSystem.Create(settings.Engine.Configuration ?? new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), "actor-import-stress");
            _system = _actors.System;
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

    public SeedResult RunSeed(int seed) => RunSeeds(seed, seed).Single();

    /// <summary>The seeds <paramref name="first"/>..<paramref name="last"/> in order, each result as soon as it is complete.</summary>
    public IEnumerable<SeedResult> RunSeeds(int first, int last)
    {
        int batch = _settings.Differential ? DifferentialBatch : 1;
        for (int start = first; start <= last; start += batch)
        {
            int end = (int)Math.Min((long)start + batch - 1, last);
            List<SeedRun> runs = [.. Enumerable.Range(start, end - start + 1).Select(RunThreads)];
            if (_settings.Differential)
            {
                CompareWithCPython(runs);
            }
            foreach (SeedRun run in runs)
            {
                if (!run.Hung)
                {
                    TryDelete(run.Directory);
                }
                yield return run.Result();
            }
            if (end == int.MaxValue)
            {
                yield break;
            }
        }
    }

    /// <summary>The threaded run of one seed and its check; then, when due, the engine's single-thread report.</summary>
    private SeedRun RunThreads(int seed)
    {
        var run = new SeedRun(seed, Path.Combine(_work, $"seed-{seed}"));
        try
        {
            Universe universe = UniverseGenerator.Write(_settings.ShapeOf(seed), run.Directory);
            run.Universe = universe;
            ImportEngineOptions options = OptionsFor(universe);
            var engine = new ImportEngine(options, _system);
            IReadOnlyList<IReadOnlyList<string>> orders = [.. Enumerable.Range(0, _settings.Threads).Select(t => OrderOf(universe, seed, t))];
            var threads = new ThreadedImport(engine, orders, _settings.AsyncFlows);
            IReadOnlyList<HungThread> hung = threads.Run(_settings.HangTimeout);
            run.Hung = hung.Count > 0;
            StressObservations observations = Observe(universe, engine, threads.Observations(hung), hung);
            run.Violations.AddRange(InvariantChecker.Check(universe, observations));
            run.Imports = observations.ByThread.Sum(o => o.Count);
            (run.Waits, run.Partials, run.Bodies) = (engine.Statistics.Waits, observations.Partials, engine.Statistics.BodiesExecuted);
            if (run.Hung)
            {
                // Threads are still inside the engine: let it go in the background, never wait for it here.
                _ = Task.Run(engine.Dispose);
                return run;
            }
            engine.Dispose();
            if (_settings.Differential)
            {
                run.DifferentialOrder = OrderOf(universe, seed, 0);
                run.EngineReport = StressDifferential.EngineReport(options, run.DifferentialOrder, _settings.HangTimeout, _system);
                if (run.EngineReport is null)
                {
                    run.Hung = true;
                    run.Violations.Add(new Violation(Violations.Hang, string.Empty, $"the single-thread run did not finish in {_settings.HangTimeout.TotalSeconds:0.#} s"));
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            run.Crashed(e);
        }
        return run;
    }

    /// <summary>CPython's reports of the runs that have the engine's, from one process, each compared with the engine's.</summary>
    private void CompareWithCPython(List<SeedRun> runs)
    {
        List<SeedRun> due = [.. runs.Where(r => r.EngineReport is not null)];
        if (due.Count == 0)
        {
            return;
        }
        IReadOnlyList<string> reports;
        try
        {
            reports = CPythonImportReport.RunBatch([.. due.Select(r => (r.Universe!.SearchPath, r.DifferentialOrder))], _settings.Python);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            due.ForEach(r => r.Crashed(e));
            return;
        }
        for (int i = 0; i < due.Count; i++)
        {
            due[i].Compared = true;
            due[i].Violations.AddRange(StressDifferential.Compare(reports[i], due[i].EngineReport!, due[i].Universe!.Root));
        }
    }

    private ImportEngineOptions OptionsFor(Universe universe) => _settings.Engine with
    {
        SearchPath = [.. universe.SearchPath, .. _settings.Engine.SearchPath],
        Coordination = _settings.Coordination,
        ImportWait = _settings.HangTimeout,
    };

    /// <summary>What the checker reads: <c>sys.modules</c> for the universe's names, the initialising names, the ledger's counts and the partial hand-overs.</summary>
    private static StressObservations Observe(Universe universe, ImportEngine engine, IReadOnlyList<IReadOnlyList<ImportObservation>> byThread, IReadOnlyList<HungThread> hung)
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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    public void Dispose()
    {
        _actors?.Dispose();
        TryDelete(_work);
    }
}

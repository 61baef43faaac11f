using ActorImport.Configuration;
using System.Diagnostics;
using ActorImport.Model;

namespace ActorImport.Cli.Bench;

/// <summary>
/// One <c>actorimport bench</c> run: every CPython case and every engine case measured in
/// rounds (each round runs every case once, so that a burst of load on a shared machine hits
/// all cases alike), after a priming run that fills both bytecode caches and
/// <see cref="BenchSettings.Warmup"/> untimed rounds; then the memory probes (the median of three per engine configuration). Cases: CPython
/// cold on one thread and warm on every thread count; the engine under actors and locks, eager
/// and lazy, on every thread count (warm cache), and eager from source on one thread (against
/// CPython cold). Single-threaded driver; owns its runners.
/// </summary>
internal sealed class BenchSession(BenchWorkload workload, CPythonBenchRunner cpython, EngineBenchRunner engine, BenchSettings settings)
{
    private static readonly CoordinationMode[] Coordinations = [CoordinationMode.Actors, CoordinationMode.Locks];
    private static readonly LazyImportMode[] LazyModes = [LazyImportMode.None, LazyImportMode.All];

    /// <summary>Memory probes per engine configuration (the median is reported).</summary>
    public const int MemoryProbes = 3;

    public IReadOnlyList<CPythonCase> CPythonCases { get; } =
        [new CPythonCase(Cold: true, Threads: 1), .. settings.Threads.Select(t => new CPythonCase(Cold: false, t))];

    public IReadOnlyList<EngineCase> EngineCases { get; } =
    [
        .. Coordinations.SelectMany(c => LazyModes.SelectMany(l => settings.Threads.Select(t => new EngineCase(c, l, t, Cached: true)))),
        .. Coordinations.Select(c => new EngineCase(c, LazyImportMode.None, 1, Cached: false)),
    ];

    /// <summary>Steps reported to <c>progress</c>: one per case per round, the priming and the memory probes.</summary>
    public int TotalSteps => ((settings.Warmup + settings.Repetitions) * (CPythonCases.Count + EngineCases.Count)) + 1 + (Coordinations.Length * LazyModes.Length) + 1;

    /// <summary>Measures everything; <paramref name="progress"/> hears a description after each step.</summary>
    public BenchReport Run(Action<string> progress)
    {
        DateTime started = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        string version = cpython.Version();

        // Priming: CPython's warm prefix and our compiled cache get their files.
        cpython.Run(new CPythonCase(Cold: false, 1));
        foreach (CoordinationMode c in Coordinations)
        {
            engine.Run(new EngineCase(c, LazyImportMode.None, 1, Cached: true));
        }
        progress("primed the bytecode caches");

        var cpythonTimes = CPythonCases.ToDictionary(c => c, _ => new List<BenchSample>());
        var engineTimes = EngineCases.ToDictionary(c => c, _ => new List<BenchSample>());
        for (int round = -settings.Warmup; round < settings.Repetitions; round++)
        {
            string what = round < 0 ? "warm-up" : $"repetition {round + 1}/{settings.Repetitions}";
            foreach (CPythonCase c in CPythonCases)
            {
                var sample = cpython.Run(c);
                if (round >= 0)
                {
                    cpythonTimes[c].Add(sample);
                }
                progress($"{what}: cpython {c.Label}, {c.Threads} thread(s)");
            }
            foreach (EngineCase c in EngineCases)
            {
                var sample = engine.Run(c);
                if (round >= 0)
                {
                    engineTimes[c].Add(sample);
                }
                progress($"{what}: engine {c.Label}, {c.Threads} thread(s)");
            }
        }

        CPythonResult[] cpythonResults = [.. CPythonCases.Select(c => new CPythonResult(c, new BenchSamples(cpythonTimes[c])))];
        EngineResult[] engineResults = [.. EngineCases.Select(c => new EngineResult(c, new BenchSamples(engineTimes[c]), cpythonResults.Single(r => r.Case == c.Baseline).Samples.Median))];

        engine.ReleaseSharedActorSystem();
        var payoff = new List<LazyPayoff>();
        int fewest = settings.Threads.Min();
        foreach (CoordinationMode c in Coordinations)
        {
            MemorySample eager = MedianProbe(() => engine.Memory(c, LazyImportMode.None));
            progress($"memory: engine {c.ToString().ToLowerInvariant()}, eager");
            MemorySample lazy = MedianProbe(() => engine.Memory(c, LazyImportMode.All));
            progress($"memory: engine {c.ToString().ToLowerInvariant()}, lazy all");
            payoff.Add(new LazyPayoff(c,
                engineResults.Single(r => r.Case == new EngineCase(c, LazyImportMode.None, fewest, true)),
                engineResults.Single(r => r.Case == new EngineCase(c, LazyImportMode.All, fewest, true)),
                eager, lazy));
        }
        MemorySample cpythonMemory = cpython.Memory();
        progress("memory: cpython");
        return new BenchReport(workload.Name, workload.EntryPoints, workload.SearchPath, version, settings,
            cpythonResults, engineResults, payoff, cpythonMemory, started, watch.Elapsed);
    }

    /// <summary>
    /// The probe with the median retained bytes of <see cref="MemoryProbes"/>: a full collection
    /// can still find the previous engines' actors stopping, which moves one probe by a few hundred KB.
    /// </summary>
    private static MemorySample MedianProbe(Func<MemorySample> probe)
    {
        MemorySample[] probes = [.. Enumerable.Range(0, MemoryProbes).Select(_ => probe()).OrderBy(p => p.RetainedBytes)];
        return probes[probes.Length / 2];
    }
}

using ActorImport.Configuration;
using ActorImport.Model;

namespace ActorImport.Cli.Bench;

/// <summary>How much <c>actorimport bench</c> measures: timed repetitions per case (medians), untimed warm-up rounds, thread counts. Immutable.</summary>
internal sealed record BenchSettings(int Repetitions, int Warmup, IReadOnlyList<int> Threads);

/// <summary>A CPython case and its repetitions. Immutable.</summary>
internal sealed record CPythonResult(CPythonCase Case, BenchSamples Samples);

/// <summary>
/// An engine case, its repetitions and the median of its CPython baseline (<see cref="EngineCase.Baseline"/>)
/// from the same run. <see cref="Ratio"/> = engine median / CPython median: below 1 the engine is faster. Immutable.
/// </summary>
internal sealed record EngineResult(EngineCase Case, BenchSamples Samples, double BaselineMedian)
{
    public double Ratio => Samples.Median / BaselineMedian;
}

/// <summary>
/// PEP 810's payoff on this workload for one coordination: eager against <c>--lazy all</c>, time on
/// one thread (warm cache) and memory (<see cref="EngineBenchRunner.Memory"/>). Saved fractions are
/// 1 − lazy/eager. Immutable.
/// </summary>
internal sealed record LazyPayoff(CoordinationMode Coordination, EngineResult Eager, EngineResult Lazy, MemorySample EagerMemory, MemorySample LazyMemory)
{
    /// <summary>What PEP 810 reports for real programs: 50–70 % less start-up time, 30–40 % less memory.</summary>
    public const string Pep810 = "PEP 810 reports 50-70% less start-up time, 30-40% less memory";

    public double TimeSaved => 1 - (Lazy.Samples.Median / Eager.Samples.Median);

    public double RetainedSaved => 1 - ((double)LazyMemory.RetainedBytes / EagerMemory.RetainedBytes);

    public double AllocatedSaved => 1 - ((double)LazyMemory.AllocatedBytes / EagerMemory.AllocatedBytes);
}

/// <summary>Everything one <c>actorimport bench</c> run measured, in the order it is printed. Immutable.</summary>
internal sealed record BenchReport(
    string Workload,
    IReadOnlyList<string> EntryPoints,
    IReadOnlyList<string> SearchPath,
    string PythonVersion,
    BenchSettings Settings,
    IReadOnlyList<CPythonResult> CPython,
    IReadOnlyList<EngineResult> Engine,
    IReadOnlyList<LazyPayoff> LazyPayoff,
    MemorySample CPythonMemory,
    DateTime StartedUtc,
    TimeSpan Elapsed)
{
    /// <summary>The CPython result for a case (every engine baseline is measured).</summary>
    public CPythonResult Baseline(CPythonCase @case) => CPython.Single(r => r.Case == @case);

    /// <summary>
    /// Median at N threads / median at the fewest threads, per side and configuration (warm cache,
    /// eager or lazy): above 1, more threads made the same work slower; the same for CPU time
    /// (above 1: more threads cost more CPU for the same imports).
    /// </summary>
    public IEnumerable<(string Side, string Label, int Threads, double Slowdown, double CpuSlowdown)> Scaling()
    {
        int fewest = Settings.Threads.Min();
        CPythonResult cpythonBase = Baseline(new CPythonCase(false, fewest));
        foreach (CPythonResult r in CPython.Where(r => !r.Case.Cold && r.Case.Threads != fewest))
        {
            yield return ("cpython", r.Case.Label, r.Case.Threads, r.Samples.Median / cpythonBase.Samples.Median, r.Samples.CpuMedian / cpythonBase.Samples.CpuMedian);
        }
        foreach (EngineResult r in Engine.Where(r => r.Case.Cached && r.Case.Threads != fewest))
        {
            EngineResult one = Engine.Single(e => e.Case == r.Case with { Threads = fewest });
            yield return ("engine", r.Case.Label, r.Case.Threads, r.Samples.Median / one.Samples.Median, r.Samples.CpuMedian / one.Samples.CpuMedian);
        }
    }
}

using ActorImport.Configuration;
using System.Globalization;
using ActorImport.Model;

namespace ActorImport.Cli.Bench;

/// <summary>
/// One CPython configuration: <paramref name="Cold"/> runs with no bytecode at all (<c>-B</c> and
/// an empty <c>pycache_prefix</c>: every module compiled from source), otherwise with a warm
/// <c>__pycache__</c> (a prefix filled by the warm-up round). Immutable.
/// </summary>
internal sealed record CPythonCase(bool Cold, int Threads)
{
    public string Label => Cold ? "cold (no pyc)" : "warm __pycache__";

    public string ShortLabel => Cold ? "cold" : "warm";
}

/// <summary>
/// One engine configuration. <paramref name="Cached"/>: our compiled cache, warm (filled by the
/// warm-up round); otherwise every body parsed from source (the counterpart of CPython cold).
/// Eager is <see cref="LazyImportMode.None"/>, lazy is <see cref="LazyImportMode.All"/>. Immutable.
/// </summary>
internal sealed record EngineCase(CoordinationMode Coordination, LazyImportMode Lazy, int Threads, bool Cached)
{
    public string CoordinationName => Coordination.ToString().ToLowerInvariant();

    public string LazyName => Lazy == LazyImportMode.All ? "lazy all" : "eager";

    public string Label => $"{CoordinationName}, {LazyName}{(Cached ? "" : ", no cache")}";

    /// <summary>The label for tables: cache state spelt out.</summary>
    public string LongLabel => $"{CoordinationName}, {LazyName}, {(Cached ? "warm cache" : "no cache")}";

    /// <summary>The CPython case this one is compared with: same threads, cold when we parse from source.</summary>
    public CPythonCase Baseline => new(Cold: !Cached, Threads);
}

/// <summary>
/// One repetition: the import's wall time, the CPU time the process spent meanwhile (all its
/// threads: a figure the machine's other load does not inflate the way it inflates wall time),
/// the modules added, and for CPython the whole process's wall time. Immutable.
/// </summary>
internal sealed record BenchSample(double Milliseconds, double CpuMilliseconds, int Modules, double? ProcessMilliseconds = null);

/// <summary>The repetitions of one case: medians and minimum, and the modules the run added (the last repetition's). Immutable.</summary>
internal sealed record BenchSamples(IReadOnlyList<BenchSample> Repetitions)
{
    public IEnumerable<double> Milliseconds => Repetitions.Select(r => r.Milliseconds);

    public double Median => MedianOf([.. Milliseconds]);

    public double Min => Milliseconds.Min();

    public double CpuMedian => MedianOf([.. Repetitions.Select(r => r.CpuMilliseconds)]);

    public int Modules => Repetitions[^1].Modules;

    public double? ProcessMedian => Repetitions[0].ProcessMilliseconds is null ? null : MedianOf([.. Repetitions.Select(r => r.ProcessMilliseconds ?? 0)]);

    /// <summary>The middle value; the mean of the two middle values for an even count.</summary>
    public static double MedianOf(IReadOnlyList<double> values)
    {
        double[] sorted = [.. values.Order()];
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static string Ms(double value) => value.ToString(value < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);
}

/// <summary>Memory of one import of the entry points on one thread: see <see cref="EngineBenchRunner.Memory"/>. Immutable.</summary>
internal sealed record MemorySample(long RetainedBytes, long AllocatedBytes, int Modules);

using System.Diagnostics;
using ActorImport.Stress.Checking;

namespace ActorImport.Stress.Running;

/// <summary>
/// One seed while the runner works on it: its universe and directory, the violations and
/// figures gathered so far, and (for the differential) the engine's single-thread report and
/// the order it imported in, waiting for CPython's. Used by the runner's thread only.
/// </summary>
internal sealed class SeedRun(int seed, string directory)
{
    private readonly Stopwatch _stopwatch = Stopwatch.StartNew();

    public int Seed { get; } = seed;

    public string Directory { get; } = directory;

    public Universe? Universe { get; set; }

    public List<Violation> Violations { get; } = [];

    public int Imports { get; set; }

    public long Waits { get; set; }

    public long Partials { get; set; }

    public long Bodies { get; set; }

    public bool Hung { get; set; }

    public bool Compared { get; set; }

    /// <summary>The engine's <c>import --json</c> report of the single-thread run, when the differential is due.</summary>
    public string? EngineReport { get; set; }

    public IReadOnlyList<string> DifferentialOrder { get; set; } = [];

    public void Crashed(Exception e) =>
        Violations.Add(new Violation(Checking.Violations.Crash, string.Empty, $"{e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}"));

    public SeedResult Result() =>
        new(Seed, [.. Violations], Universe?.Modules.Count ?? 0, Imports, Waits, Partials, Bodies, Hung, Compared, _stopwatch.Elapsed);
}

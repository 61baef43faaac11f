using ActorImport.Stress.Checking;

namespace ActorImport.Stress.Running;

/// <summary>One seed's outcome: the violations found, and the figures the summary adds up. Immutable.</summary>
public sealed record SeedResult(
    int Seed,
    IReadOnlyList<Violation> Violations,
    int Modules,
    int Imports,
    long Waits,
    long Partials,
    long Bodies,
    bool Hung,
    bool Compared,
    TimeSpan Elapsed)
{
    public bool Passed => Violations.Count == 0;
}

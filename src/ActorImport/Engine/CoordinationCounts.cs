namespace ActorImport.Engine;

/// <summary>
/// A snapshot of a coordination's bookkeeping, for diagnostics and the reliability tests
/// ("nothing leaks"): attempts in flight in the claim table, wait-for edges, waiters held,
/// live module actors and claim slots (the last two: actors coordination only). All zero when
/// no import is in flight. Immutable.
/// </summary>
internal sealed record CoordinationCounts(int Attempts, int WaitEdges, int Waiters, int ModuleActors, int Slots)
{
    public static CoordinationCounts Zero { get; } = new(0, 0, 0, 0, 0);

    /// <summary>The error a waiter gets when the engine is disposed before the attempt it waits for ends.</summary>
    public static ObjectDisposedException Disposed() =>
        new(nameof(ImportEngine), "the import engine was disposed while this chain waited for another chain's module");
}

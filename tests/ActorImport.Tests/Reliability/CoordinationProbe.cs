using ActorImport.Engine;

namespace ActorImport.Tests.Reliability;

/// <summary>Reads a coordination's bookkeeping (<see cref="CoordinationCounts"/>) for "nothing leaks" checks. Stateless.</summary>
internal static class CoordinationProbe
{
    /// <summary>The counts now (asked of the coordinator under actors, so every earlier Tell from the caller is counted).</summary>
    public static CoordinationCounts Counts(ImportEngine engine) => engine.Coordination switch
    {
        ActorCoordination actors => actors.CountsAsync().GetAwaiter().GetResult(),
        LockCoordination locks => locks.Counts(),
        var other => throw new InvalidOperationException($"unknown coordination {other}"),
    };

    /// <summary>
    /// Waits (a hang detector, not a timing assertion) until nothing is in flight: module actors
    /// stop a moment after they release their waiters, so the count is polled.
    /// </summary>
    public static void AssertNothingInFlight(ImportEngine engine, TimeSpan hangDetector)
    {
        CoordinationCounts last = Counts(engine);
        bool empty = SpinWait.SpinUntil(() => (last = Counts(engine)) == CoordinationCounts.Zero, hangDetector);
        Assert.True(empty, $"still in flight: {last}");
        Assert.Empty(engine.Modules.Initializing());
    }
}

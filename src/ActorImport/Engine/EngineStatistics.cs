namespace ActorImport.Engine;

/// <summary>
/// Counters of one engine's coordination: how often chains claimed, waited, got a partial
/// module, and (actors only) how many module actors were started. Thread-safety: counters are
/// updated with interlocked operations and may be read from any thread at any time.
/// </summary>
public sealed class EngineStatistics
{
    private long _claims;
    private long _waits;
    private long _sameChainPartials;
    private long _crossChainPartials;
    private long _moduleActorsStarted;
    private long _bodiesExecuted;
    private long _bodiesFailed;

    /// <summary>Claims sent (cold imports and imports of a module another chain initialises).</summary>
    public long Claims => Interlocked.Read(ref _claims);

    /// <summary>Claims that had to wait for another chain's attempt.</summary>
    public long Waits => Interlocked.Read(ref _waits);

    /// <summary>Partial modules returned to the chain that is initialising them (same-chain cycles).</summary>
    public long SameChainPartials => Interlocked.Read(ref _sameChainPartials);

    /// <summary>Partial modules handed to another chain because waiting would have closed a cycle.</summary>
    public long CrossChainPartials => Interlocked.Read(ref _crossChainPartials);

    /// <summary>Module actors created (one per contended module attempt; zero under the lock coordination).</summary>
    public long ModuleActorsStarted => Interlocked.Read(ref _moduleActorsStarted);

    /// <summary>Module bodies run by the engine's loaders (source, frozen source, lazy loads).</summary>
    public long BodiesExecuted => Interlocked.Read(ref _bodiesExecuted);

    internal void Claimed() => Interlocked.Increment(ref _claims);

    internal void Waited() => Interlocked.Increment(ref _waits);

    internal void SameChainPartial() => Interlocked.Increment(ref _sameChainPartials);

    internal void CrossChainPartial() => Interlocked.Increment(ref _crossChainPartials);

    internal void ModuleActorStarted() => Interlocked.Increment(ref _moduleActorsStarted);

    /// <summary>
    /// Bodies that raised (their attempt failed and the module was removed; a later import runs
    /// the body again). Bodies run minus bodies failed is the number of successful initialisations.
    /// </summary>
    /// <summary>Counts a failed body from an exception filter; always false (the exception goes on).</summary>
    internal bool BodyFailedFilter()
    {
        BodyFailed();
        return false;
    }

    public long BodiesFailed => Interlocked.Read(ref _bodiesFailed);

    internal void BodyExecuted() => Interlocked.Increment(ref _bodiesExecuted);

    internal void BodyFailed() => Interlocked.Increment(ref _bodiesFailed);

    public override string ToString() =>
        $"claims={Claims} waits={Waits} partial(same chain)={SameChainPartials} partial(cross chain)={CrossChainPartials} module actors={ModuleActorsStarted} bodies={BodiesExecuted} failed={BodiesFailed}";
}

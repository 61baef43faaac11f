namespace ActorImport.Diagnostics;

/// <summary>What an <see cref="ImportEvent"/> reports (docs/tracing.md lists when each is sent).</summary>
public enum ImportEventKind
{
    /// <summary>
    /// A chain begins to find and load a module that is not in <c>sys.modules</c> (CPython's
    /// <c>-X importtime</c> rows: a cache hit or a module another chain is initialising sends no
    /// start). Always followed, in the same chain, by <see cref="ImportFinished"/>.
    /// </summary>
    ImportStarted,

    /// <summary>The import that <see cref="ImportStarted"/> began ended; <see cref="ImportEvent.Error"/> is set when it failed.</summary>
    ImportFinished,

    /// <summary>A ready module was read from the published <c>sys.modules</c> (no find, no load).</summary>
    CacheHit,

    /// <summary>The chain starts waiting for another chain's attempt on the module.</summary>
    WaitStarted,

    /// <summary>The wait that <see cref="WaitStarted"/> began ended (<see cref="ImportEvent.Error"/>: the attempt failed or the wait timed out).</summary>
    WaitEnded,

    /// <summary>The chain got the partial module it is initialising itself (a same-chain cycle).</summary>
    PartialSameChain,

    /// <summary>The chain got another chain's partial module, because waiting would have closed a cycle of waiting chains.</summary>
    PartialCrossChain,

    /// <summary>
    /// A lazy module is reified: a PEP 810 lazy binding is resolved (<see cref="ImportEvent.Detail"/>:
    /// the name of <c>lazy from m import name</c>), or an <c>importlib.util.LazyLoader</c> module runs its body.
    /// </summary>
    LazyReified,
}

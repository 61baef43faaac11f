using System.Diagnostics;

namespace ActorImport.Diagnostics;

/// <summary>
/// One thing that happened in an import, as the engine reports it to an
/// <see cref="IImportObserver"/>. Immutable.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Name">The absolute module name (for a PEP 810 reification: the module as the statement wrote it).</param>
/// <param name="Chain">The import chain's id (<c>ImportChain.Id</c>); 0 outside any import.</param>
/// <param name="Depth">
/// For <see cref="ImportEventKind.ImportStarted"/> and <see cref="ImportEventKind.ImportFinished"/>:
/// how many observed imports of the same chain enclose this one (0 for the import a host or a
/// thread asked for), the indentation level of <c>-X importtime</c>. For the other kinds: the
/// depth of the chain when it happened (one more than the import it happened in).
/// </param>
/// <param name="Thread">The managed thread id the event was sent from.</param>
/// <param name="Timestamp">When, in <see cref="Stopwatch.GetTimestamp"/> ticks.</param>
/// <param name="Error">The failure, for a failed import or wait; otherwise null.</param>
/// <param name="Detail">Extra text: the name bound by a lazy <c>from</c> import; otherwise null.</param>
public readonly record struct ImportEvent(
    ImportEventKind Kind,
    string Name,
    long Chain,
    int Depth,
    int Thread,
    long Timestamp,
    Exception? Error = null,
    string? Detail = null)
{
    /// <summary>True for an <see cref="ImportEventKind.ImportFinished"/> or <see cref="ImportEventKind.WaitEnded"/> that failed.</summary>
    public bool Failed => Error is not null;
}

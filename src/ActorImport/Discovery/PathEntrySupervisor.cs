using Akka.Actor;

namespace ActorImport.Discovery;

/// <summary>Asks the <see cref="PathEntrySupervisor"/> for the actor of <see cref="Entry"/>; the reply is its <see cref="IActorRef"/>. Immutable message.</summary>
public sealed record GetEntryActor(string Entry);

/// <summary>
/// The parent of an engine's path-entry actors (one per engine): creates the actor of an entry
/// on first request (on the import dispatcher, named after the entry) and replies with it, so
/// each entry has exactly one owner; restarts a child whose lookup threw (the child has
/// already answered its asker with the error) and stops the children when it is stopped.
/// Thread-safety: an actor; its map of children is touched only by its own message handling.
/// </summary>
public sealed class PathEntrySupervisor : ReceiveActor
{
    private readonly Dictionary<string, IActorRef> _children = new(StringComparer.Ordinal);

    public PathEntrySupervisor(PathEntryLookup lookup, string dispatcherId)
    {
        Receive<GetEntryActor>(request =>
        {
            if (!_children.TryGetValue(request.Entry, out IActorRef? child))
            {
                Props props = Props.Create(() => new PathEntryActor(lookup, request.Entry)).WithDispatcher(dispatcherId);
                child = Context.ActorOf(props, ChildName(request.Entry));
                _children.Add(request.Entry, child);
            }
            Sender.Tell(child, Self);
        });
    }

    /// <summary>
    /// Restart a child whatever it threw, without limit: it has no state to lose, and its next
    /// request may well succeed (the exception has already reached the asker).
    /// </summary>
    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(maxNrOfRetries: -1, withinTimeRange: Timeout.InfiniteTimeSpan, localOnlyDecider: _ => Directive.Restart);

    /// <summary>An actor name for an entry: <c>entry:</c> and the entry percent-encoded ('' is <c>entry:</c>).</summary>
    internal static string ChildName(string entry) => "entry:" + Uri.EscapeDataString(entry);
}

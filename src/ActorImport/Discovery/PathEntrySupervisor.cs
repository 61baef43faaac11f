using Akka.Actor;

namespace ActorImport.Discovery;

/// <summary>Asks the <see cref="PathEntrySupervisor"/> for the actor of <see cref="Entry"/>; the reply is its <see cref="IActorRef"/>. Immutable message.</summary>
public sealed record GetEntryActor(string Entry);

/// <summary>
/// The parent of an engine's path-entry actors (one per engine): routes every
/// <see cref="FindInEntry"/> to the actor of its entry (forwarded, so the entry's actor answers
/// the asker directly), creating that actor on first use (on the import dispatcher, named after
/// the entry), so each entry has exactly one owner; answers <see cref="GetEntryActor"/> with the
/// actor; restarts a child whose lookup threw (the child has already answered its asker with
/// the error) and stops the children when it is stopped.
/// Routing costs one mailbox hop on a dispatcher thread that is already awake; asking the
/// supervisor for the actor first and then the actor would cost two more thread wake-ups per
/// cold entry (measured in docs/benchmarks.md).
/// Thread-safety: an actor; its map of children is touched only by its own message handling.
/// </summary>
public sealed class PathEntrySupervisor : ReceiveActor
{
    private readonly Dictionary<string, IActorRef> _children = new(StringComparer.Ordinal);

    public PathEntrySupervisor(PathEntryLookup lookup, string dispatcherId)
    {
        IActorRef ChildFor(string entry)
        {
            if (!_children.TryGetValue(entry, out IActorRef? child))
            {
                // Arguments, not Props.Create(() => new PathEntryActor(lookup, entry)): Akka
                // compiles a lambda expression with captured arguments on every call, 2–4 ms
                // per actor here against 5–30 µs (docs/benchmarks.md).
                Props props = Props.Create<PathEntryActor>(lookup, entry).WithDispatcher(dispatcherId);
                child = Context.ActorOf(props, ChildName(entry));
                _children.Add(entry, child);
            }
            return child;
        }

        Receive<FindInEntry>(request => ChildFor(request.Entry).Forward(request));
        Receive<GetEntryActor>(request => Sender.Tell(ChildFor(request.Entry), Self));
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

namespace ActorImport.Actors;

/// <summary>
/// An actor's view of itself and the kernel. Thread-safety: use it only from the actor's own
/// handlers and hooks (the one thread that runs them at a time); <see cref="Self"/> and
/// <see cref="System"/> may be captured and used anywhere.
/// </summary>
public interface IActorContext
{
    IActorRef Self { get; }

    /// <summary>The sender of the message being processed; <see cref="ActorSystem.DeadLetters"/> when there is none.</summary>
    IActorRef Sender { get; }

    ActorSystem System { get; }

    /// <summary>The parent, or <see cref="ActorSystem.DeadLetters"/> for a top-level actor.</summary>
    IActorRef Parent { get; }

    IReadOnlyCollection<IActorRef> Children { get; }

    /// <summary>Creates a child; names are unique among siblings, null picks one.</summary>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Asks for a <see cref="Terminated"/> message when <paramref name="subject"/> stops (at once if it already has).</summary>
    void Watch(IActorRef subject);

    void Unwatch(IActorRef subject);

    /// <summary>Stops <paramref name="actor"/> (a child or Self) after the message it is processing.</summary>
    void Stop(IActorRef actor);
}

namespace ActorImport.Actors;

/// <summary>
/// The handle through which an actor is reached. <see cref="Tell"/> never blocks and never
/// throws for a stopped recipient (the message becomes a dead letter instead).
/// Thread-safety: every implementation is safe to use from any thread.
/// </summary>
public interface IActorRef
{
    /// <summary>The actor's path, e.g. <c>akka://sys/user/parent/child</c>; unique among live actors.</summary>
    string Path { get; }

    /// <summary>Sends <paramref name="message"/> (not null); <paramref name="sender"/> is where replies go.</summary>
    void Tell(object message, IActorRef? sender = null);
}

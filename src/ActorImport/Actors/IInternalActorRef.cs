namespace ActorImport.Actors;

/// <summary>
/// What the kernel needs from a reference beyond <see cref="IActorRef"/>: its system and a way
/// to send system messages, which overtake user messages.
/// Thread-safety: every implementation is safe to use from any thread.
/// </summary>
internal interface IInternalActorRef : IActorRef
{
    ActorSystem System { get; }

    /// <summary>The reference that identifies the actor in watch sets (a wrapper returns what it wraps).</summary>
    IInternalActorRef Canonical { get; }

    void SendSystemMessage(SystemMessage message);
}

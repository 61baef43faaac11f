namespace ActorImport.Actors;

/// <summary>
/// A user message that stops the actor when it is processed, after the messages queued before
/// it. Immutable; one shared instance.
/// </summary>
public sealed class PoisonPill
{
    public static readonly PoisonPill Instance = new();

    private PoisonPill() { }
}

/// <summary>Sent to every watcher when the watched actor has stopped. Immutable.</summary>
public sealed record Terminated(IActorRef ActorRef);

/// <summary>A message that could not be delivered: its recipient had stopped. Immutable.</summary>
public sealed record DeadLetter(object Message, IActorRef? Sender, IActorRef Recipient);

/// <summary>Replies with a status. Immutable records.</summary>
public static class Status
{
    /// <summary>The reply that faults an <c>Ask</c> with <paramref name="Cause"/>.</summary>
    public sealed record Failure(Exception Cause);

    /// <summary>A reply that says "done", carrying an optional value.</summary>
    public sealed record Success(object? Value);
}

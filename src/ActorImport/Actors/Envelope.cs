namespace ActorImport.Actors;

/// <summary>A user message and its sender, stored by value in the mailbox queue. Immutable.</summary>
internal readonly struct Envelope(object message, IActorRef? sender)
{
    public readonly object Message = message;
    public readonly IActorRef? Sender = sender;
}

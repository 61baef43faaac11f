namespace ActorImport.Actors;

/// <summary>
/// The system's dead-letter reference: what is told to it is published as a dead letter; a Watch
/// of it is answered with Terminated at once. Thread-safety: immutable; safe from any thread.
/// </summary>
internal sealed class DeadLetterActorRef(ActorSystem system) : IInternalActorRef
{
    public string Path { get; } = $"akka://{system.Name}/deadLetters";

    public ActorSystem System { get; } = system;

    public IInternalActorRef Canonical => this;

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        System.PublishDeadLetter(message, sender, this);
    }

    public void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this));
        }
    }

    public override string ToString() => Path;
}

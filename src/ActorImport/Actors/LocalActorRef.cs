namespace ActorImport.Actors;

/// <summary>
/// The reference to an actor of this process: Tell goes straight into its mailbox.
/// Thread-safety: immutable after construction; safe from any thread.
/// </summary>
internal sealed class LocalActorRef : IInternalActorRef
{
    private readonly Mailbox _mailbox;

    public LocalActorRef(ActorSystem system, string path, Mailbox mailbox)
    {
        System = system;
        Path = path;
        _mailbox = mailbox;
    }

    public string Path { get; }

    public ActorSystem System { get; }

    public IInternalActorRef Canonical => this;

    internal Mailbox Mailbox => _mailbox;

    public void Tell(object message, IActorRef? sender = null)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }
        _mailbox.Post(message, sender);
    }

    public void SendSystemMessage(SystemMessage message) => _mailbox.PostSystem(message);

    public override string ToString() => Path;
}

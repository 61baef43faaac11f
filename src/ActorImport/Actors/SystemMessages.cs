namespace ActorImport.Actors;

/// <summary>
/// A kernel-to-kernel message, processed before any queued user message. Each instance is pushed
/// once: <see cref="Next"/> links it into the mailbox's system stack and belongs to that mailbox.
/// Thread-safety: every subclass is immutable apart from <see cref="Next"/>; safe to send from any thread.
/// </summary>
internal abstract class SystemMessage
{
    internal SystemMessage? Next;
}

/// <summary>Create the actor instance and run PreStart (the first message of every actor).</summary>
internal sealed class Create : SystemMessage;

/// <summary>Stop the actor: its children first, then PostStop, then tell watchers and parent.</summary>
internal sealed class Terminate : SystemMessage;

/// <summary>Continue with the same instance after a failure.</summary>
internal sealed class Resume : SystemMessage;

/// <summary>Replace the instance after a failure; the mailbox and its messages are kept.</summary>
internal sealed class Recreate(Exception cause, object? message) : SystemMessage
{
    public Exception Cause { get; } = cause;
    public object? FailedMessage { get; } = message;
}

/// <summary>Watcher asks the watchee to report its termination.</summary>
internal sealed class Watch(IInternalActorRef watchee, IInternalActorRef watcher) : SystemMessage
{
    public IInternalActorRef Watchee { get; } = watchee;
    public IInternalActorRef Watcher { get; } = watcher;
}

/// <summary>Watcher withdraws a <see cref="Watch"/>.</summary>
internal sealed class Unwatch(IInternalActorRef watchee, IInternalActorRef watcher) : SystemMessage
{
    public IInternalActorRef Watchee { get; } = watchee;
    public IInternalActorRef Watcher { get; } = watcher;
}

/// <summary>Tells a watcher that <see cref="Actor"/> has stopped.</summary>
internal sealed class DeathWatchNotification(IInternalActorRef actor) : SystemMessage
{
    public IInternalActorRef Actor { get; } = actor;
}

/// <summary>Tells a parent that a child has stopped (so a stopping parent can finish).</summary>
internal sealed class ChildTerminated(IInternalActorRef child) : SystemMessage
{
    public IInternalActorRef Child { get; } = child;
}

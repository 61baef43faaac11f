namespace ActorImport.Actors;

/// <summary>
/// The base of every actor. The kernel calls <see cref="Receive"/> and the hooks on one thread at
/// a time, so an actor's fields need no locks; they must not be touched from elsewhere.
/// <see cref="Context"/> is attached after the constructor: use it from <see cref="PreStart"/> on.
/// Thread-safety: not thread-safe by design; only the kernel calls into an actor, one message at a time.
/// </summary>
public abstract class ActorBase
{
    private ActorCell? _cell;

    protected IActorContext Context =>
        _cell ?? throw new InvalidOperationException("Context is available from PreStart on, not in the actor's constructor");

    protected IActorRef Self => Context.Self;

    protected IActorRef Sender => Context.Sender;

    internal void Attach(ActorCell cell) => _cell = cell;

    /// <summary>Handles one message; returns false when it did not (the message becomes unhandled).</summary>
    protected abstract bool Receive(object message);

    protected virtual void PreStart()
    {
    }

    protected virtual void PostStop()
    {
    }

    /// <summary>Called on the failed instance: by default stops the children and runs PostStop.</summary>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (IActorRef child in Context.Children)
        {
            Context.Stop(child);
        }
        PostStop();
    }

    /// <summary>Called on the new instance: by default runs PreStart.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>Reports a message nobody handled (it is published as a dead letter).</summary>
    protected virtual void Unhandled(object message) => _cell?.Unhandled(message);

    // The kernel's entry points: the hooks stay plain 'protected' so that every subclass, in
    // this assembly or another, overrides them the same way.
    internal bool InvokeReceive(object message) => Receive(message);

    internal void InvokeUnhandled(object message) => Unhandled(message);

    internal void InvokePreStart() => PreStart();

    internal void InvokePostStop() => PostStop();

    internal void InvokePreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal void InvokePostRestart(Exception reason) => PostRestart(reason);
}

using Akka.Actor;

namespace ActorImport.Engine;

/// <summary>
/// Exists while one contended module attempt is in flight: holds the chains waiting for it and,
/// when the owner finishes, gives each the same reply (the same module, or the same exception:
/// gh-143650), then stops — 100,000 loaded modules are not 100,000 live actors. The waiter list
/// is given by its creator so that a restart keeps the waiters: a handler that throws (only the
/// <see cref="InjectFault"/> test hook can make it) is restarted by the coordinator's default
/// supervision, and a <see cref="Release"/> that was being handled is handled again after it, so
/// no waiter is stranded. A waiter that leaves early is dropped (<see cref="DropWaiter"/>). Stopped
/// before the attempt ends (the engine is disposed), it answers every waiter with
/// <see cref="ObjectDisposedException"/>.
/// Thread-safety: the list is touched only by this actor's message handling.
/// </summary>
internal sealed class ModuleActor : ReceiveActor
{
    private readonly List<TaskCompletionSource<ClaimReply>> _waiters;

    public ModuleActor(List<TaskCompletionSource<ClaimReply>> waiters)
    {
        _waiters = waiters;
        Receive<HoldWaiter>(hold => _waiters.Add(hold.Waiter));
        Receive<DropWaiter>(drop => _waiters.RemoveAll(w => ReferenceEquals(w.Task, drop.Pending)));
        Receive<Release>(release =>
        {
            ReleaseAll(release.Result);
            Context.Stop(Self);
        });
        Receive<InjectFault>(fault => throw fault.Error);
    }

    private void ReleaseAll(ClaimReply result)
    {
        foreach (TaskCompletionSource<ClaimReply> waiter in _waiters)
        {
            waiter.TrySetResult(result);
        }
        _waiters.Clear();
    }

    /// <summary>
    /// Keeps the waiters over a restart (Akka's default would call <see cref="PostStop"/>), and
    /// re-sends a <see cref="Release"/> whose handling failed: the attempt has ended, its waiters
    /// must hear of it.
    /// </summary>
    protected override void PreRestart(Exception reason, object message)
    {
        if (message is Release release)
        {
            Self.Tell(release);
        }
    }

    /// <summary>Stopped with waiters still held (the coordinator stopped: the engine is disposed): each gets a clear error instead of waiting for ever.</summary>
    protected override void PostStop() => ReleaseAll(ClaimReply.Failed(CoordinationCounts.Disposed()));
}

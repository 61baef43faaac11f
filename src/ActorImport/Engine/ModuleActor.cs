using Akka.Actor;

namespace ActorImport.Engine;

/// <summary>
/// Exists while one contended module attempt is in flight: holds the chains waiting for it and,
/// when the owner finishes, gives each the same reply (the same module, or the same exception:
/// gh-143650), then stops — 100,000 loaded modules are not 100,000 live actors. The waiter list
/// is given by its creator so that a restart (Akka restarts the children of a restarted
/// coordinator) keeps the waiters.
/// Thread-safety: the list is touched only by this actor's message handling.
/// </summary>
internal sealed class ModuleActor : ReceiveActor
{
    private readonly List<TaskCompletionSource<ClaimReply>> _waiters;

    public ModuleActor(List<TaskCompletionSource<ClaimReply>> waiters)
    {
        _waiters = waiters;
        Receive<HoldWaiter>(hold => _waiters.Add(hold.Waiter));
        Receive<Release>(release =>
        {
            foreach (TaskCompletionSource<ClaimReply> waiter in _waiters)
            {
                waiter.TrySetResult(release.Result);
            }
            _waiters.Clear();
            Context.Stop(Self);
        });
    }
}

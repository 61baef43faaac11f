namespace ActorImport.Actors;

/// <summary>
/// The temporary reference an Ask sends as the sender: its first reply completes the task
/// (a <see cref="Status.Failure"/> faults it, a reply of another type than <typeparamref name="T"/>
/// faults it with <see cref="InvalidCastException"/>); later replies are ignored. It is also the
/// task source, so an Ask allocates one object besides its task. Continuations run asynchronously,
/// never inside the replying actor's handler.
/// Thread-safety: safe from any thread; completion is first-wins.
/// </summary>
internal sealed class PromiseActorRef<T> : TaskCompletionSource<T>, IActorRef, IAskPromise
{
    private readonly IActorRef _target;
    private readonly TimeSpan _timeout;
    private readonly AskTimeouts _timeouts;
    private string? _path;

    public PromiseActorRef(IActorRef target, TimeSpan timeout, AskTimeouts timeouts)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        _target = target;
        _timeouts = timeouts;
        _timeout = timeout;
        Deadline = timeout == Timeout.InfiniteTimeSpan
            ? long.MaxValue
            : Environment.TickCount64 + (long)Math.Ceiling(timeout.TotalMilliseconds);
    }

    public string Path => _path ??= _target.Path + "/$ask";

    /// <summary>In <see cref="Environment.TickCount64"/> milliseconds; long.MaxValue for never.</summary>
    public long Deadline { get; }

    public int Slot { get; set; } = -1;

    public void Tell(object message, IActorRef? sender = null)
    {
        switch (message)
        {
            case Status.Failure failure:
                Fail(failure.Cause);
                break;
            case T reply:
                if (TrySetResult(reply))
                {
                    _timeouts.Release(this);
                }
                break;
            default:
                Fail(new InvalidCastException(
                    $"Ask to {_target.Path} expected a reply of type {typeof(T)} but got {message?.GetType().ToString() ?? "null"}"));
                break;
        }
    }

    public void Fail(Exception cause)
    {
        if (TrySetException(cause))
        {
            _timeouts.Release(this);
        }
    }

    public void TimeOut() => Fail(new AskTimeoutException(
        $"Ask to {_target.Path} timed out after {_timeout.TotalMilliseconds} ms"));

    public override string ToString() => Path;
}

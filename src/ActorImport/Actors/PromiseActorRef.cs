using System.Diagnostics;

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
    private string? _path;

    public PromiseActorRef(IActorRef target, TimeSpan timeout)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        _target = target;
        _timeout = timeout;
        Deadline = timeout == Timeout.InfiniteTimeSpan
            ? long.MaxValue
            : Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
    }

    public string Path => _path ??= _target.Path + "/$ask";

    public long Deadline { get; }

    public bool IsCompleted => Task.IsCompleted;

    public IAskPromise? NextPending { get; set; }

    public void Tell(object message, IActorRef? sender = null)
    {
        switch (message)
        {
            case Status.Failure failure:
                TrySetException(failure.Cause);
                break;
            case T reply:
                TrySetResult(reply);
                break;
            default:
                TrySetException(new InvalidCastException(
                    $"Ask to {_target.Path} expected a reply of type {typeof(T)} but got {message?.GetType().ToString() ?? "null"}"));
                break;
        }
    }

    public void Fail(Exception cause) => TrySetException(cause);

    public void TimeOut() => TrySetException(new AskTimeoutException(
        $"Ask to {_target.Path} timed out after {_timeout.TotalMilliseconds} ms"));

    public override string ToString() => Path;
}

namespace ActorImport.Actors;

/// <summary>
/// Times out the pending asks of one system with a single timer instead of one timer per ask:
/// registering is one compare-and-swap on a stack; a tick takes the whole stack, times out what
/// is due, drops what was answered and pushes the rest back. The timer runs only while asks are
/// pending. A reply therefore cancels nothing: the answered promise is dropped at the next tick.
/// Thread-safety: Register and Dispose from any thread; ticks may overlap, each owns what it took.
/// </summary>
internal sealed class AskTimeouts : IDisposable
{
    private readonly Timer _timer;
    private readonly TimeSpan _resolution;
    private IAskPromise? _pending;
    private int _armed;
    private bool _disposed;

    public AskTimeouts(TimeSpan resolution)
    {
        _resolution = resolution > TimeSpan.Zero ? resolution : TimeSpan.FromMilliseconds(10);
        _timer = new Timer(static state => ((AskTimeouts)state!).Tick(), this, Timeout.Infinite, Timeout.Infinite);
    }

    public void Register(IAskPromise promise)
    {
        if (promise.Deadline == long.MaxValue)
        {
            return;
        }
        Push(promise);
        // Arm after pushing; the tick disarms before it re-reads the stack (see Tick).
        if (Volatile.Read(ref _armed) == 0 && Interlocked.CompareExchange(ref _armed, 1, 0) == 0)
        {
            Arm(_resolution);
        }
    }

    /// <summary>Times out every pending ask: nothing can answer them once the system is gone.</summary>
    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        _timer.Dispose();
        for (IAskPromise? p = Interlocked.Exchange(ref _pending, null); p is not null; p = p.NextPending)
        {
            p.TimeOut();
        }
    }

    private void Push(IAskPromise promise)
    {
        while (true)
        {
            IAskPromise? head = Volatile.Read(ref _pending);
            promise.NextPending = head;
            if (Interlocked.CompareExchange(ref _pending, promise, head) == head)
            {
                return;
            }
        }
    }

    private void Arm(TimeSpan period)
    {
        if (!Volatile.Read(ref _disposed))
        {
            try
            {
                _timer.Change(period, period);
            }
            catch (ObjectDisposedException)
            {
                // the system terminated meanwhile; Dispose timed out what was pending
            }
        }
    }

    private void Tick()
    {
        long now = System.Diagnostics.Stopwatch.GetTimestamp();
        IAskPromise? taken = Interlocked.Exchange(ref _pending, null);
        while (taken is not null)
        {
            IAskPromise promise = taken;
            taken = promise.NextPending;
            promise.NextPending = null;
            if (promise.IsCompleted)
            {
                continue;
            }
            if (now >= promise.Deadline)
            {
                promise.TimeOut();
            }
            else
            {
                Push(promise);
            }
        }
        if (Volatile.Read(ref _pending) is null)
        {
            // Disarm, then re-check: a Register that saw _armed == 1 before we cleared it
            // pushed before our re-read, so we see its promise and arm again.
            Arm(Timeout.InfiniteTimeSpan);
            Interlocked.Exchange(ref _armed, 0);
            if (Volatile.Read(ref _pending) is not null && Interlocked.CompareExchange(ref _armed, 1, 0) == 0)
            {
                Arm(_resolution);
            }
        }
    }
}

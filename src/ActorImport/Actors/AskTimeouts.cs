namespace ActorImport.Actors;

/// <summary>
/// Times out the pending asks of one system with a single timer instead of one timer per ask.
/// A pending ask claims an empty slot of a table that only grows (chunks are added, never moved)
/// by compare-and-swap, searching from a roving cursor; the promise's completion — reply,
/// failure or timeout — empties the slot again, so an answered ask is forgotten at once (the
/// "timer" is cancelled on reply) and nothing is kept alive until a tick. No free list: the
/// asker and the replier touch only the slot, not a shared queue. A tick scans the slots and
/// times out what is due (deadlines in Environment.TickCount64 milliseconds, which is cheap to
/// read and fine enough for a 10 ms resolution). The timer runs only while asks are pending.
/// Thread-safety: Register, Release and Dispose from any thread; ticks may overlap (a timeout is
/// first-wins on the promise, and only its completer releases the slot).
/// </summary>
internal sealed class AskTimeouts : IDisposable
{
    private const int ChunkBits = 10;
    private const int ChunkSize = 1 << ChunkBits;

    private readonly Lock _growLock = new();
    private readonly Timer _timer;
    private readonly TimeSpan _resolution;
    private volatile IAskPromise?[][] _chunks = [];
    private int _cursor; // where the next search for an empty slot starts; a hint, races are harmless
    private int _armed;
    private int _disposed;

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
        // The claiming compare-and-swap is a full fence before reading _armed and _disposed: a
        // tick that disarms, or a Dispose, re-reads the slots afterwards, so one side sees the other.
        Claim(promise);
        if (Volatile.Read(ref _armed) == 0 && Interlocked.CompareExchange(ref _armed, 1, 0) == 0)
        {
            Arm(_resolution);
        }
        if (Volatile.Read(ref _disposed) != 0)
        {
            promise.TimeOut(); // the system is gone: nobody would ever time it out
        }
    }

    /// <summary>Asks that hold a slot now (a scan; for tests and diagnostics).</summary>
    internal int PendingCount => _chunks.Sum(chunk => chunk.Count(promise => promise is not null));

    /// <summary>Frees the slot of <paramref name="promise"/>; called once, by whoever completed it.</summary>
    public void Release(IAskPromise promise)
    {
        int slot = promise.Slot;
        if (slot >= 0)
        {
            Interlocked.CompareExchange(ref Slot(slot), null, promise);
        }
    }

    /// <summary>Times out every pending ask: nothing can answer them once the system is gone.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        _timer.Dispose();
        Scan(long.MaxValue);
    }

    private ref IAskPromise? Slot(int slot) => ref _chunks[slot >> ChunkBits][slot & (ChunkSize - 1)];

    /// <summary>Puts <paramref name="promise"/> into an empty slot, sets its Slot and returns it.</summary>
    private int Claim(IAskPromise promise)
    {
        while (true)
        {
            IAskPromise?[][] chunks = _chunks;
            int capacity = chunks.Length * ChunkSize;
            int start = capacity == 0 ? 0 : (int)((uint)Volatile.Read(ref _cursor) % (uint)capacity);
            for (int n = 0; n < capacity; n++)
            {
                int slot = start + n < capacity ? start + n : start + n - capacity;
                ref IAskPromise? target = ref chunks[slot >> ChunkBits][slot & (ChunkSize - 1)];
                if (Volatile.Read(ref target) is null)
                {
                    // Set before the publishing swap: a tick that times the promise out at once
                    // must find the slot to release, or the slot would stay taken for good.
                    promise.Slot = slot;
                    if (Interlocked.CompareExchange(ref target, promise, null) is null)
                    {
                        Volatile.Write(ref _cursor, slot + 1);
                        return slot;
                    }
                }
            }
            Grow(chunks);
        }
    }

    /// <summary>Adds a chunk (rare: only when more asks are pending than ever before).</summary>
    private void Grow(IAskPromise?[][] seen)
    {
        lock (_growLock)
        {
            IAskPromise?[][] chunks = _chunks;
            if (chunks != seen)
            {
                return; // another asker grew it meanwhile
            }
            var grown = new IAskPromise?[chunks.Length + 1][];
            Array.Copy(chunks, grown, chunks.Length);
            grown[chunks.Length] = new IAskPromise?[ChunkSize];
            Volatile.Write(ref _cursor, chunks.Length * ChunkSize);
            _chunks = grown;
        }
    }

    private void Arm(TimeSpan period)
    {
        if (Volatile.Read(ref _disposed) == 0)
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

    /// <summary>Times out the promises due at <paramref name="now"/>; says whether any stays pending.</summary>
    private bool Scan(long now)
    {
        bool pending = false;
        foreach (IAskPromise?[] chunk in _chunks)
        {
            for (int i = 0; i < chunk.Length; i++)
            {
                IAskPromise? promise = Volatile.Read(ref chunk[i]);
                if (promise is null)
                {
                    continue;
                }
                if (now >= promise.Deadline)
                {
                    promise.TimeOut(); // completes it, and its completion releases the slot
                }
                else
                {
                    pending = true;
                }
            }
        }
        return pending;
    }

    private void Tick()
    {
        if (Scan(Environment.TickCount64))
        {
            return;
        }
        // Disarm, then look again: a Register that saw _armed == 1 before we cleared it filled
        // its slot before our second scan, so we see it and arm again.
        Arm(Timeout.InfiniteTimeSpan);
        Interlocked.Exchange(ref _armed, 0);
        if (Scan(Environment.TickCount64) && Interlocked.CompareExchange(ref _armed, 1, 0) == 0)
        {
            Arm(_resolution);
        }
    }
}

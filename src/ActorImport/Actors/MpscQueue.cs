using System.Runtime.InteropServices;

namespace ActorImport.Actors;

/// <summary>
/// An unbounded multi-producer, single-consumer FIFO queue made of ring segments (Vyukov's bounded
/// queue, chained as ConcurrentQueue chains its segments). Enqueue is one compare-and-swap and no
/// allocation while the ring has room; a full ring is frozen and a ring twice its size follows.
/// Thread-safety: <see cref="Enqueue"/> from any thread; <see cref="TryDequeue"/> from one thread
/// at a time (the mailbox's Scheduled bit); <see cref="HasItems"/> from any thread, as a hint that
/// is exact for the thread that just released the consumer role.
/// Per-producer order is FIFO: a producer only moves to the next ring after the one it used froze.
/// </summary>
internal sealed class MpscQueue<T>
{
    private const int InitialCapacity = 32;
    private const int MaxCapacity = 1 << 16;

    private Segment _head;          // consumer's segment
    private volatile Segment _tail; // producers' segment

    public MpscQueue()
    {
        _head = _tail = new Segment(InitialCapacity);
    }

    public void Enqueue(T item)
    {
        while (true)
        {
            Segment tail = _tail;
            if (tail.TryEnqueue(item))
            {
                return;
            }
            // Full: freeze it first (no enqueue can succeed there afterwards), then chain a bigger
            // ring. Freezing before linking is what lets the consumer leave a drained segment.
            tail.Freeze();
            Segment? next = Volatile.Read(ref tail.Next);
            if (next is null)
            {
                var created = new Segment(Math.Min(tail.Capacity * 2, MaxCapacity));
                next = Interlocked.CompareExchange(ref tail.Next, created, null) ?? created;
            }
            Interlocked.CompareExchange(ref _tail, next, tail);
        }
    }

    public bool TryDequeue(out T item)
    {
        SpinWait spin = default;
        while (true)
        {
            Segment head = _head;
            if (head.TryDequeue(out item))
            {
                return true;
            }
            long tail = head.ReadTail(out bool frozen);
            if (tail > head.Head)
            {
                // A producer reserved the slot and is between its two writes: wait for it.
                spin.SpinOnce();
                continue;
            }
            if (!frozen)
            {
                return false;
            }
            Segment? next = Volatile.Read(ref head.Next);
            if (next is null)
            {
                spin.SpinOnce(); // the producer that froze it is linking the next ring
                continue;
            }
            _head = next;
        }
    }

    /// <summary>True when an item was reserved that the consumer has not taken (or a ring was frozen).</summary>
    public bool HasItems
    {
        get
        {
            Segment head = Volatile.Read(ref _head);
            long tail = head.ReadTail(out bool frozen);
            return frozen || tail > Volatile.Read(ref head.Indices.Head);
        }
    }

    /// <summary>One ring. Positions grow forever; a slot's sequence says whose turn it is.</summary>
    private sealed class Segment
    {
        // Added to the tail to freeze: every later reservation sees a "full" slot.
        private const long FreezeOffset = 1L << 62;

        private readonly Slot[] _slots;
        private readonly long _mask;
        internal PaddedIndices Indices;
        internal Segment? Next;

        public Segment(int capacity)
        {
            _slots = new Slot[capacity];
            _mask = capacity - 1;
            for (int i = 0; i < capacity; i++)
            {
                _slots[i].Sequence = i;
            }
        }

        public int Capacity => _slots.Length;

        public long Head => Indices.Head;

        public long ReadTail(out bool frozen)
        {
            long tail = Volatile.Read(ref Indices.Tail);
            frozen = tail >= FreezeOffset;
            return frozen ? tail - FreezeOffset : tail;
        }

        public bool TryEnqueue(T item)
        {
            while (true)
            {
                long position = Volatile.Read(ref Indices.Tail);
                ref Slot slot = ref _slots[position & _mask];
                long difference = Volatile.Read(ref slot.Sequence) - position;
                if (difference == 0)
                {
                    if (Interlocked.CompareExchange(ref Indices.Tail, position + 1, position) == position)
                    {
                        slot.Item = item;
                        Volatile.Write(ref slot.Sequence, position + 1); // publish to the consumer
                        return true;
                    }
                }
                else if (difference < 0)
                {
                    return false; // full, or frozen (a frozen position is far ahead of every sequence)
                }
                // difference > 0: another producer took this position; read the tail again.
            }
        }

        public bool TryDequeue(out T item)
        {
            long position = Indices.Head;
            ref Slot slot = ref _slots[position & _mask];
            if (Volatile.Read(ref slot.Sequence) != position + 1)
            {
                item = default!;
                return false;
            }
            item = slot.Item;
            slot.Item = default!; // do not keep the message alive
            Volatile.Write(ref slot.Sequence, position + _slots.Length); // free for the next lap
            Volatile.Write(ref Indices.Head, position + 1);
            return true;
        }

        public void Freeze()
        {
            while (true)
            {
                long tail = Volatile.Read(ref Indices.Tail);
                if (tail >= FreezeOffset || Interlocked.CompareExchange(ref Indices.Tail, tail + FreezeOffset, tail) == tail)
                {
                    return;
                }
            }
        }
    }

    private struct Slot
    {
        public T Item;
        public long Sequence;
    }
}

/// <summary>
/// A ring's tail (written by producers) and head (written by the consumer) on separate cache
/// lines, so that the two sides do not invalidate each other's line. Non-generic because a
/// generic type cannot have an explicit layout.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 192)]
internal struct PaddedIndices
{
    [FieldOffset(64)] public long Tail;
    [FieldOffset(128)] public long Head;
}

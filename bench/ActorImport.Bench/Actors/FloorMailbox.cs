using System.Collections.Concurrent;

namespace ActorImport.Bench.Actors;

/// <summary>
/// The floor the actor kernel is measured against: the least an actor-like mailbox can be — a
/// ConcurrentQueue, a scheduled flag and a thread-pool work item that drains up to 30 messages.
/// No system messages, supervision, dead letters or senders' paths.
/// Thread-safety: Tell from any thread; the handler runs on one thread at a time.
/// </summary>
internal sealed class FloorMailbox(Action<object, FloorMailbox?> handler) : IThreadPoolWorkItem
{
    private const int Throughput = 30;
    private readonly ConcurrentQueue<(object Message, FloorMailbox? Sender)> _queue = new();
    private int _scheduled;

    public void Tell(object message, FloorMailbox? sender = null)
    {
        _queue.Enqueue((message, sender));
        if (Volatile.Read(ref _scheduled) == 0 && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    public void Execute()
    {
        for (int i = 0; i < Throughput && _queue.TryDequeue(out var envelope); i++)
        {
            handler(envelope.Message, envelope.Sender);
        }
        Interlocked.Exchange(ref _scheduled, 0);
        if (!_queue.IsEmpty && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }
}

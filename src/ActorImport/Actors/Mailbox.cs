namespace ActorImport.Actors;

/// <summary>
/// An actor's two queues and the thread-pool work item that drains them. One status word, changed
/// only by compare-and-swap or interlocked and/or, says whether the mailbox is Scheduled (queued
/// on the pool or running: this bit is the consumer lock), Suspended (user messages wait; set
/// while a failure is being handled or the actor stops) and Closed (the actor has stopped; what
/// arrives becomes a dead letter).
/// Thread-safety: <see cref="Post"/> and <see cref="PostSystem"/> from any thread; <see cref="Execute"/>
/// runs on one thread at a time; Suspend/Resume/Close only from inside Execute.
/// Invariant: a message that is queued while the mailbox is not Scheduled causes a schedule,
/// either by its producer or by the consumer's re-check after it clears Scheduled (both sides do
/// an interlocked write before they read the other's state, so one of them sees the other).
/// </summary>
internal sealed class Mailbox : IThreadPoolWorkItem
{
    private const int Scheduled = 1;
    private const int Closed = 2;
    private const int Suspended = 4;

    private readonly MpscQueue<Envelope> _user = new();
    private readonly int _throughput;
    private SystemMessage? _system; // Treiber stack, newest first
    private int _status;
    private ActorCell _cell = null!;

    public Mailbox(int throughput)
    {
        _throughput = Math.Max(1, throughput);
    }

    /// <summary>How many times the mailbox ran on the pool; an observable for tests of batching.</summary>
    internal long Runs => _cell.MailboxRuns;

    internal bool IsClosed => (Volatile.Read(ref _status) & Closed) != 0;

    internal void SetCell(ActorCell cell) => _cell = cell;

    public void Post(object message, IActorRef? sender)
    {
        if ((Volatile.Read(ref _status) & Closed) != 0)
        {
            _cell.System.PublishDeadLetter(message, sender, _cell.Self);
            return;
        }
        _user.Enqueue(new Envelope(message, sender));
        TrySchedule(hasUserMessage: true);
    }

    public void PostSystem(SystemMessage message)
    {
        while (true)
        {
            SystemMessage? head = Volatile.Read(ref _system);
            message.Next = head;
            if (Interlocked.CompareExchange(ref _system, message, head) == head)
            {
                break;
            }
        }
        TrySchedule(hasUserMessage: false);
    }

    internal void Suspend() => Interlocked.Or(ref _status, Suspended);

    internal void Resume() => Interlocked.And(ref _status, ~Suspended);

    internal void Close() => Interlocked.Or(ref _status, Closed);

    public void Execute()
    {
        _cell.MailboxRuns++; // kept in the cell: a write here would disturb the line producers read _status from
        try
        {
            if (Volatile.Read(ref _system) is not null)
            {
                ProcessSystemMessages(); // a read first: an interlocked exchange per run costs on every message hop
            }
            int left = _throughput;
            while (left-- > 0 && (Volatile.Read(ref _status) & (Closed | Suspended)) == 0)
            {
                if (!_user.TryDequeue(out Envelope envelope))
                {
                    break;
                }
                _cell.Invoke(envelope);
                if (Volatile.Read(ref _system) is not null)
                {
                    ProcessSystemMessages(); // they overtake the rest of the batch
                }
            }
            if (IsClosed)
            {
                DrainToDeadLetters();
            }
        }
        finally
        {
            Interlocked.And(ref _status, ~Scheduled);
            TrySchedule(hasUserMessage: false); // re-check: nothing posted meanwhile may be stranded
        }
    }

    private void TrySchedule(bool hasUserMessage)
    {
        while (true)
        {
            int status = Volatile.Read(ref _status);
            if ((status & Scheduled) != 0 || !HasWork(status, hasUserMessage))
            {
                return;
            }
            if (Interlocked.CompareExchange(ref _status, status | Scheduled, status) == status)
            {
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                return;
            }
        }
    }

    private bool HasWork(int status, bool hasUserMessage)
    {
        if (Volatile.Read(ref _system) is not null)
        {
            return true;
        }
        // A suspended mailbox waits for the system message that resumes it; a closed one drains.
        bool userMessagesRun = (status & Suspended) == 0 || (status & Closed) != 0;
        return userMessagesRun && (hasUserMessage || _user.HasItems);
    }

    private void ProcessSystemMessages()
    {
        SystemMessage? stack;
        while ((stack = Interlocked.Exchange(ref _system, null)) is not null)
        {
            // Reverse the stack so that system messages run in the order they were sent.
            SystemMessage? ordered = null;
            while (stack is not null)
            {
                SystemMessage next = stack.Next!;
                stack.Next = ordered;
                ordered = stack;
                stack = next;
            }
            while (ordered is not null)
            {
                SystemMessage message = ordered;
                ordered = message.Next;
                message.Next = null;
                if (IsClosed)
                {
                    _cell.SystemInvokeAfterStop(message);
                }
                else
                {
                    _cell.SystemInvoke(message);
                }
            }
        }
    }

    private void DrainToDeadLetters()
    {
        while (_user.TryDequeue(out Envelope envelope))
        {
            _cell.System.PublishDeadLetter(envelope.Message, envelope.Sender, _cell.Self);
        }
        ProcessSystemMessages();
    }
}

using System.Collections.Concurrent;

namespace ActorImport.Actors;

/// <summary>
/// A set of actors that share settings, dead letters and an ask timer. Independent of every other
/// system in the process (no static state). Top-level actors are children of an implicit guardian
/// whose strategy is <see cref="ActorSystemSettings.GuardianSupervisorStrategy"/>.
/// Thread-safety: every member is safe from any thread. <see cref="DeadLetterPublished"/>
/// handlers run on the thread that found the dead letter, concurrently; they must be thread-safe.
/// </summary>
public sealed class ActorSystem : IDisposable, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ActorCell> _topLevel = new();
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly DeadLetterActorRef _deadLetters;
    private long _deadLetterCount;
    private long _nextName;
    private int _terminating;

    private ActorSystem(string name, ActorSystemSettings settings)
    {
        Name = name;
        Settings = settings;
        _deadLetters = new DeadLetterActorRef(this);
        AskTimeouts = new AskTimeouts(settings.AskTimeoutResolution);
    }

    public string Name { get; }

    public ActorSystemSettings Settings { get; }

    public IActorRef DeadLetters => _deadLetters;

    public long DeadLetterCount => Interlocked.Read(ref _deadLetterCount);

    /// <summary>Completes when <see cref="Terminate"/> has stopped every actor.</summary>
    public Task WhenTerminated => _terminated.Task;

    public event Action<DeadLetter>? DeadLetterPublished;

    internal AskTimeouts AskTimeouts { get; }

    public static ActorSystem Create(string name, ActorSystemSettings? settings = null)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Contains('/'))
        {
            throw new ArgumentException($"invalid actor system name [{name}]", nameof(name));
        }
        return new ActorSystem(name, settings ?? new ActorSystemSettings());
    }

    /// <summary>Creates a top-level actor; it starts asynchronously, and messages sent meanwhile wait for it.</summary>
    public IActorRef ActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (Volatile.Read(ref _terminating) != 0)
        {
            throw new InvalidOperationException($"actor system {Name} is terminating; no new actors");
        }
        name = name is null ? "$" + Interlocked.Increment(ref _nextName).ToString("x") : ValidateName(name);
        var cell = new ActorCell(this, props, null, $"akka://{Name}/user/{name}");
        if (!_topLevel.TryAdd(name, cell))
        {
            throw new ArgumentException($"actor name [{name}] is not unique under akka://{Name}/user", nameof(name));
        }
        cell.Start();
        return cell.Self;
    }

    /// <summary>Stops <paramref name="actor"/> after the message it is processing; queued messages become dead letters.</summary>
    public void Stop(IActorRef actor) => Internal(actor).SendSystemMessage(new Terminate());

    /// <summary>Stops every actor (children before parents) and then the ask timer; idempotent.</summary>
    public Task Terminate()
    {
        if (Interlocked.Exchange(ref _terminating, 1) == 0)
        {
            foreach (ActorCell cell in _topLevel.Values)
            {
                cell.SelfRef.SendSystemMessage(new Terminate());
            }
            CompleteIfEmpty();
        }
        return _terminated.Task;
    }

    public void Dispose() => Terminate().Wait(TimeSpan.FromSeconds(10));

    public async ValueTask DisposeAsync() => await Terminate().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);

    public override string ToString() => $"akka://{Name}";

    internal static string ValidateName(string name)
    {
        if (name.Length == 0 || name.StartsWith('$') || name.Contains('/'))
        {
            throw new ArgumentException($"invalid actor name [{name}]: empty, starts with '$' or contains '/'", nameof(name));
        }
        return name;
    }

    internal static IInternalActorRef Internal(IActorRef actor) =>
        actor as IInternalActorRef ?? throw new ArgumentException(
            $"{actor?.Path ?? "null"} is not an actor of an ActorSystem", nameof(actor));

    internal void TopLevelTerminated(ActorCell cell)
    {
        _topLevel.TryRemove(new KeyValuePair<string, ActorCell>(cell.Path[(cell.Path.LastIndexOf('/') + 1)..], cell));
        if (Volatile.Read(ref _terminating) != 0)
        {
            CompleteIfEmpty();
        }
    }

    /// <summary>
    /// Counts and publishes a message that reached a stopped (or unwilling) recipient. An Ask
    /// behind it is failed now rather than left to its timeout.
    /// </summary>
    internal void PublishDeadLetter(object message, IActorRef? sender, IActorRef recipient, Exception? askFailure = null)
    {
        Interlocked.Increment(ref _deadLetterCount);
        (sender as IAskPromise)?.Fail(askFailure ?? new ActorStoppedException(recipient.Path));
        Action<DeadLetter>? handlers = DeadLetterPublished;
        if (handlers is null)
        {
            return;
        }
        try
        {
            handlers(new DeadLetter(message, sender, recipient));
        }
        catch (Exception exception)
        {
            Settings.Log("a DeadLetterPublished handler threw", exception);
        }
    }

    private void CompleteIfEmpty()
    {
        if (_topLevel.IsEmpty)
        {
            AskTimeouts.Dispose();
            _terminated.TrySetResult();
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using ActorImport.Actors;

namespace ActorImport.Testing;

/// <summary>
/// An actor reference that records what it receives, for tests (Akka.TestKit's TestProbe).
/// Messages arrive through a real actor of the system under test. Thread-safety: Tell (and every
/// IActorRef use) from any thread; the Expect/Receive/Within members from one test thread.
/// Every wait is scaled by the kit's time factor.
/// </summary>
public sealed class TestProbe : IInternalActorRef
{
    private static readonly TimeSpan DefaultSingleExpect = TimeSpan.FromSeconds(3);

    private readonly BlockingCollection<(object Message, IActorRef Sender)> _received = [];
    private readonly IInternalActorRef _ref;
    private long _withinDeadline; // Stopwatch timestamp of the innermost Within; 0 when none

    internal TestProbe(ActorSystem system, TestKitSettings settings, string? name = null)
    {
        Settings = settings;
        _ref = (IInternalActorRef)system.ActorOf(Props.Create(() => new ProbeActor(_received)), name);
    }

    public TestKitSettings Settings { get; }

    public IActorRef Ref => _ref;

    public string Path => _ref.Path;

    ActorSystem IInternalActorRef.System => _ref.System;

    IInternalActorRef IInternalActorRef.Canonical => _ref;

    /// <summary>The sender of the last message an Expect or Receive returned.</summary>
    public IActorRef? LastSender { get; private set; }

    public object? LastMessage { get; private set; }

    public void Tell(object message, IActorRef? sender = null) => _ref.Tell(message, sender);

    void IInternalActorRef.SendSystemMessage(SystemMessage message) => _ref.SendSystemMessage(message);

    public TimeSpan Dilated(TimeSpan duration) => Settings.Dilated(duration);

    /// <summary>Sends <paramref name="message"/> to <paramref name="target"/> with this probe as the sender.</summary>
    public void Send(IActorRef target, object message) => target.Tell(message, this);

    /// <summary>Answers the sender of the last received message.</summary>
    public void Reply(object message) =>
        (LastSender ?? throw new InvalidOperationException("no message received yet, so nobody to reply to")).Tell(message, this);

    /// <summary>Makes the probe watch <paramref name="target"/>: a Terminated will arrive when it stops.</summary>
    public void Watch(IActorRef target) => _ref.Tell(new ProbeActor.WatchRequest(target));

    public object ReceiveOne(TimeSpan? max = null)
    {
        TimeSpan wait = RemainingOrDilated(max);
        if (!_received.TryTake(out var item, wait))
        {
            Assert.Fail($"{Path}: no message within {wait.TotalMilliseconds} ms");
        }
        LastMessage = item.Message;
        LastSender = item.Sender;
        return item.Message;
    }

    public T ExpectMsg<T>(TimeSpan? max = null)
    {
        object message = ReceiveOne(max);
        if (message is not T typed)
        {
            Assert.Fail($"{Path}: expected a {typeof(T).Name} but got {message.GetType().Name}: {message}");
            throw new InvalidOperationException("unreachable");
        }
        return typed;
    }

    public T ExpectMsg<T>(Func<T, bool> predicate, TimeSpan? max = null)
    {
        T message = ExpectMsg<T>(max);
        Assert.True(predicate(message), $"{Path}: {message} does not match the predicate");
        return message;
    }

    public T ExpectMsg<T>(T expected, TimeSpan? max = null)
    {
        T message = ExpectMsg<T>(max);
        Assert.Equal(expected, message);
        return message;
    }

    public Terminated ExpectTerminated(IActorRef target, TimeSpan? max = null)
    {
        string path = target.Path;
        return ExpectMsg<Terminated>(t => t.ActorRef.Path == path, max);
    }

    /// <summary>Waits <paramref name="duration"/> (dilated) and fails if any message arrives.</summary>
    public void ExpectNoMsg(TimeSpan duration)
    {
        if (_received.TryTake(out var item, Dilated(duration)))
        {
            Assert.Fail($"{Path}: expected no message but got {item.Message.GetType().Name}: {item.Message}");
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/>, which must finish within <paramref name="max"/> (dilated);
    /// Expect calls inside it default to the time that is left. A hang guard, not a stopwatch.
    /// </summary>
    public void Within(TimeSpan max, Action action)
    {
        TimeSpan limit = Dilated(max);
        long start = Stopwatch.GetTimestamp();
        long outer = _withinDeadline;
        long deadline = start + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        _withinDeadline = outer != 0 ? Math.Min(outer, deadline) : deadline;
        try
        {
            action();
        }
        finally
        {
            _withinDeadline = outer;
        }
        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        Assert.True(elapsed <= limit, $"block took {elapsed.TotalMilliseconds} ms, more than {limit.TotalMilliseconds} ms");
    }

    /// <summary>Retries <paramref name="assertion"/> every <paramref name="interval"/> until it passes or <paramref name="duration"/> (dilated) is over.</summary>
    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        TimeSpan limit = RemainingOrDilated(duration);
        TimeSpan pause = interval ?? TimeSpan.FromMilliseconds(10);
        long start = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                assertion();
                return;
            }
            catch (Exception) when (Stopwatch.GetElapsedTime(start) < limit)
            {
                Thread.Sleep(pause);
            }
        }
    }

    private TimeSpan RemainingOrDilated(TimeSpan? max)
    {
        if (max is { } explicitMax)
        {
            return Dilated(explicitMax);
        }
        if (_withinDeadline != 0)
        {
            long left = _withinDeadline - Stopwatch.GetTimestamp();
            return left <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((double)left / Stopwatch.Frequency);
        }
        return Dilated(DefaultSingleExpect);
    }

    public override string ToString() => Path;

    /// <summary>Puts what it receives into the probe's queue; runs on the probe's dispatcher.</summary>
    private sealed class ProbeActor : ReceiveActor
    {
        public ProbeActor(BlockingCollection<(object, IActorRef)> received)
        {
            Receive<WatchRequest>(request => Context.Watch(request.Target));
            ReceiveAny(message => received.Add((message, Sender)));
        }

        internal sealed record WatchRequest(IActorRef Target);
    }
}

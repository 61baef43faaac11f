using ActorImport.Actors;

namespace ActorImport.Tests.Actors;

// Thread-safety of every actor here: its fields are touched only by its own handlers, which the
// kernel runs on one thread at a time.

/// <summary>Replies to every message with the message itself.</summary>
internal sealed class EchoActor : ReceiveActor
{
    public EchoActor() => ReceiveAny(message => Sender.Tell(message, Self));
}

/// <summary>Forwards every message to a target, keeping the original sender.</summary>
internal sealed class ForwardActor : ReceiveActor
{
    public ForwardActor(IActorRef target) => ReceiveAny(message => target.Tell(message, Sender));
}

/// <summary>Handles nothing it is told (every message stays unanswered).</summary>
internal sealed class SilentActor : ReceiveActor
{
    public SilentActor() => Receive<object>(_ => { });
}

/// <summary>Throws on "fail", blocks on a gate, forwards the rest to a target as (instance, message).</summary>
internal sealed class FlakyActor : ReceiveActor
{
    public FlakyActor(int instance, IActorRef target, ManualResetEventSlim? gate = null)
    {
        Receive<string>(message => message == "fail", _ => throw new InvalidOperationException("boom"));
        Receive<string>(message => message == "block", _ => gate!.Wait(TimeSpan.FromSeconds(30)));
        ReceiveAny(message => target.Tell((instance, message), Self));
    }

    protected override void PostRestart(Exception reason)
    {
        base.PostRestart(reason);
        Self.Tell("restarted"); // a self message, queued behind what waited
    }
}

/// <summary>Creates one child from the props it is given and tells the creator who it is.</summary>
internal sealed class ParentActor : ReceiveActor
{
    private readonly Props _childProps;
    private readonly IActorRef _report;

    public ParentActor(Props childProps, IActorRef report)
    {
        _childProps = childProps;
        _report = report;
        ReceiveAny(_ => { });
    }

    protected override void PreStart() => _report.Tell(Context.ActorOf(_childProps, "child"));
}

using System.Collections.Concurrent;
using ActorImport.Actors;
using ActorImport.Testing;

namespace ActorImport.Tests.Actors;

public sealed class SupervisionTests : TestKit
{
    private readonly ConcurrentQueue<(string Message, Exception? Error)> _log = new();

    public SupervisionTests()
        : this(new ConcurrentQueue<(string, Exception?)>())
    {
    }

    private SupervisionTests(ConcurrentQueue<(string, Exception?)> log)
        : base(new ActorSystemSettings { Log = (m, e) => log.Enqueue((m, e)) })
    {
        _log = log;
    }

    private Props Flaky(ManualResetEventSlim? gate = null)
    {
        int instances = 0;
        IActorRef report = TestActor;
        return Props.Create(() => new FlakyActor(Interlocked.Increment(ref instances), report, gate));
    }

    [Fact]
    public void RestartKeepsTheMailboxAndMakesANewInstance()
    {
        using var gate = new ManualResetEventSlim();
        IActorRef actor = Sys.ActorOf(Flaky(gate));

        // "a" and "b" are queued behind the failing message before it runs.
        actor.Tell("block");
        actor.Tell("fail");
        actor.Tell("a");
        actor.Tell("b");
        gate.Set();

        Assert.Equal((2, (object)"a"), ExpectMsg<(int, object)>());
        Assert.Equal((2, (object)"b"), ExpectMsg<(int, object)>());
        Assert.Equal((2, (object)"restarted"), ExpectMsg<(int, object)>());
        Assert.Contains(_log, entry => entry.Error is InvalidOperationException { Message: "boom" });
        Assert.Equal(0, Sys.DeadLetterCount);
    }

    [Fact]
    public void StopDirectiveStopsTheFailingChild()
    {
        var strategy = new OneForOneStrategy(_ => Directive.Stop);
        Sys.ActorOf(Props.Create(() => new ParentActor(Flaky(), TestActor)).WithSupervisorStrategy(strategy));
        IActorRef child = ExpectMsg<IActorRef>();
        Watch(child);

        child.Tell("fail");

        ExpectTerminated(child);
        child.Tell("late");
        Assert.Equal(1, Sys.DeadLetterCount);
    }

    [Fact]
    public void ResumeDirectiveKeepsTheInstance()
    {
        var strategy = new OneForOneStrategy(_ => Directive.Resume);
        Sys.ActorOf(Props.Create(() => new ParentActor(Flaky(), TestActor)).WithSupervisorStrategy(strategy));
        IActorRef child = ExpectMsg<IActorRef>();

        child.Tell("x");
        child.Tell("fail");
        child.Tell("y");

        Assert.Equal((1, (object)"x"), ExpectMsg<(int, object)>());
        Assert.Equal((1, (object)"y"), ExpectMsg<(int, object)>());
    }

    [Fact]
    public void TooManyRestartsStopTheActor()
    {
        var strategy = new OneForOneStrategy(2, Timeout.InfiniteTimeSpan, _ => Directive.Restart);
        Sys.ActorOf(Props.Create(() => new ParentActor(Flaky(), TestActor)).WithSupervisorStrategy(strategy));
        IActorRef child = ExpectMsg<IActorRef>();
        Watch(child);

        child.Tell("fail");
        ExpectMsg<(int, object)>(m => m == (2, "restarted"));
        child.Tell("fail");
        ExpectMsg<(int, object)>(m => m == (3, "restarted"));
        child.Tell("fail"); // the third restart is not allowed

        ExpectTerminated(child);
    }

    [Fact]
    public void TopLevelActorsFollowTheGuardianStrategyOfTheSettings()
    {
        using var system = ActorSystem.Create("stopping", new ActorSystemSettings
        {
            GuardianSupervisorStrategy = new OneForOneStrategy(_ => Directive.Stop),
            Log = static (_, _) => { },
        });
        IActorRef actor = system.ActorOf(Flaky());
        Task<string> reply = actor.Ask<string>("fail", Timeout.InfiniteTimeSpan);

        Assert.Throws<AggregateException>(() => reply.Wait(Dilated(TimeSpan.FromSeconds(20))));
        AwaitAssert(() =>
        {
            actor.Tell("late");
            Assert.True(system.DeadLetterCount > 0);
        });
    }

    [Fact]
    public void AFactoryThatThrowsStopsTheActor()
    {
        IActorRef actor = Sys.ActorOf(Props.Create<EchoActor>(() => throw new FormatException("no")));
        Watch(actor);

        ExpectTerminated(actor);
        Assert.Contains(_log, entry => entry.Error is ActorInitializationException { InnerException: FormatException });
    }
}

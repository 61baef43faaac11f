using System.Collections.Concurrent;
using ActorImport.Actors;
using ActorImport.Testing;

namespace ActorImport.Tests.Actors;

public sealed class StopTests : TestKit
{
    private sealed class LifecycleActor : ReceiveActor
    {
        private readonly IActorRef _report;

        public LifecycleActor(IActorRef report)
        {
            _report = report;
            ReceiveAny(message => report.Tell(message));
        }

        protected override void PostStop() => _report.Tell("stopped");
    }

    [Fact]
    public void StopEndsTheActorAndRunsPostStop()
    {
        IActorRef actor = Sys.ActorOf(Props.Create(() => new LifecycleActor(TestActor)));
        Watch(actor);

        Sys.Stop(actor);

        ExpectMsg("stopped");
        ExpectTerminated(actor);
    }

    [Fact]
    public void PoisonPillStopsAfterTheMessagesQueuedBeforeIt()
    {
        IActorRef actor = Sys.ActorOf(Props.Create(() => new LifecycleActor(TestActor)));
        Watch(actor);

        actor.Tell(1);
        actor.Tell(2);
        actor.Tell(PoisonPill.Instance);
        actor.Tell(3);

        ExpectMsg(1);
        ExpectMsg(2);
        ExpectMsg("stopped");
        ExpectTerminated(actor);
        AwaitAssert(() => Assert.Equal(1, Sys.DeadLetterCount)); // the 3
    }

    [Fact]
    public void MessagesToAStoppedActorAreCountedAndPublishedAsDeadLetters()
    {
        var letters = new ConcurrentQueue<DeadLetter>();
        Sys.DeadLetterPublished += letters.Enqueue;
        IActorRef actor = Sys.ActorOf(Props.Create(() => new LifecycleActor(TestActor)), "gone");
        Watch(actor);
        Sys.Stop(actor);
        ExpectMsg("stopped");
        ExpectTerminated(actor);

        actor.Tell("lost 1", TestActor);
        actor.Tell("lost 2");

        Assert.Equal(2, Sys.DeadLetterCount);
        Assert.Equal(["lost 1", "lost 2"], letters.Select(l => l.Message));
        Assert.All(letters, l => Assert.Same(actor, l.Recipient));
        Assert.Same(TestActor, letters.First().Sender);
        Assert.Null(letters.Last().Sender);
    }

    [Fact]
    public void StoppingAParentStopsItsChildrenFirst()
    {
        var order = new ConcurrentQueue<string>();
        IActorRef parent = Sys.ActorOf(Props.Create(() => new ParentActor(
            Props.Create(() => new StopOrderActor("child", order)), TestActor)), "parent");
        IActorRef child = ExpectMsg<IActorRef>();
        Assert.Equal(parent.Path + "/child", child.Path);
        Watch(child);
        Watch(parent);

        Sys.Stop(parent);

        ExpectTerminated(child);
        ExpectTerminated(parent);
        Assert.Equal(["child"], order);
    }

    [Fact]
    public async Task TerminateStopsEveryActor()
    {
        IActorRef actor = Sys.ActorOf(Props.Create(() => new LifecycleActor(TestActor)));

        await Sys.Terminate().WaitAsync(Dilated(TimeSpan.FromSeconds(10)));

        actor.Tell("after");
        Assert.True(Sys.DeadLetterCount >= 1);
        Assert.Throws<InvalidOperationException>(() => Sys.ActorOf(Props.Create(() => new EchoActor())));
    }

    private sealed class StopOrderActor : ReceiveActor
    {
        private readonly string _name;
        private readonly ConcurrentQueue<string> _order;

        public StopOrderActor(string name, ConcurrentQueue<string> order)
        {
            _name = name;
            _order = order;
            ReceiveAny(_ => { });
        }

        protected override void PostStop() => _order.Enqueue(_name);
    }
}

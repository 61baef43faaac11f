using ActorImport.Actors;
using ActorImport.Testing;

namespace ActorImport.Tests.Actors;

public sealed class WatchTests : TestKit
{
    /// <summary>Watches what it is told to and reports Terminated to a target.</summary>
    private sealed class WatcherActor : ReceiveActor
    {
        public WatcherActor(IActorRef report)
        {
            Receive<Terminated>(t => report.Tell(t));
            Receive<(string Verb, IActorRef Subject)>(c =>
            {
                if (c.Verb == "watch")
                {
                    Context.Watch(c.Subject);
                }
                else
                {
                    Context.Unwatch(c.Subject);
                }
                report.Tell(c.Verb + "ed");
            });
        }
    }

    [Fact]
    public void WatchingALiveActorDeliversTerminatedWhenItStops()
    {
        IActorRef subject = Sys.ActorOf(Props.Create(() => new EchoActor()));
        IActorRef watcher = Sys.ActorOf(Props.Create(() => new WatcherActor(TestActor)));
        watcher.Tell(("watch", subject));
        ExpectMsg("watched");

        subject.Tell(PoisonPill.Instance);

        Terminated terminated = ExpectMsg<Terminated>();
        Assert.Same(subject, terminated.ActorRef);
    }

    [Fact]
    public void WatchingAnAlreadyDeadActorDeliversTerminatedAtOnce()
    {
        IActorRef subject = Sys.ActorOf(Props.Create(() => new EchoActor()));
        Watch(subject);
        Sys.Stop(subject);
        ExpectTerminated(subject);

        IActorRef watcher = Sys.ActorOf(Props.Create(() => new WatcherActor(TestActor)));
        watcher.Tell(("watch", subject));

        ExpectMsg("watched");
        Assert.Same(subject, ExpectMsg<Terminated>().ActorRef);
    }

    [Fact]
    public void WatchingDeadLettersDeliversTerminatedAtOnce()
    {
        Watch(Sys.DeadLetters);

        ExpectTerminated(Sys.DeadLetters);
    }

    [Fact]
    public void AfterUnwatchNoTerminatedArrives()
    {
        IActorRef subject = Sys.ActorOf(Props.Create(() => new EchoActor()));
        IActorRef watcher = Sys.ActorOf(Props.Create(() => new WatcherActor(TestActor)));
        watcher.Tell(("watch", subject));
        ExpectMsg("watched");
        watcher.Tell(("unwatch", subject));
        ExpectMsg("unwatched");
        Watch(subject); // the probe's own watch tells us when the stop is over

        Sys.Stop(subject);
        ExpectTerminated(subject);

        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }
}

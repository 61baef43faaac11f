using ActorImport.Actors;
using ActorImport.Testing;

namespace ActorImport.Tests.Actors;

public sealed class TellTests : TestKit
{
    private sealed record Numbered(int Producer, int Sequence);

    /// <summary>Collects what it receives; "snapshot" replies with the list so far.</summary>
    private sealed class CollectorActor : ReceiveActor
    {
        private readonly List<Numbered> _seen = [];
        private long _count;

        public CollectorActor()
        {
            Receive<Numbered>(n => _seen.Add(n));
            Receive<int>(_ => _count++);
            Receive<string>(s => s == "snapshot", _ => Sender.Tell(_seen.ToArray()));
            Receive<string>(s => s == "count", _ => Sender.Tell(_count));
        }
    }

    private static void RunProducers(int producers, Action<int> produce)
    {
        using var start = new Barrier(producers);
        var threads = Enumerable.Range(0, producers).Select(p => new Thread(() =>
        {
            start.SignalAndWait();
            produce(p);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => Assert.True(t.Join(TimeSpan.FromSeconds(60)), "a producer hung"));
    }

    [Fact]
    public async Task MessagesFromOneSenderArriveInTheOrderSent()
    {
        IActorRef collector = Sys.ActorOf(Props.Create(() => new CollectorActor()));
        const int producers = 4, perProducer = 20_000;
        RunProducers(producers, p =>
        {
            for (int i = 0; i < perProducer; i++)
            {
                collector.Tell(new Numbered(p, i));
            }
        });

        // Asked after every Tell returned, so the snapshot is queued behind all of them.
        Numbered[] seen = await collector.Ask<Numbered[]>("snapshot", Dilated(TimeSpan.FromSeconds(20)));

        Assert.Equal(producers * perProducer, seen.Length);
        foreach (var fromOne in seen.GroupBy(n => n.Producer))
        {
            Assert.Equal(Enumerable.Range(0, perProducer), fromOne.Select(n => n.Sequence));
        }
    }

    [Fact]
    public async Task NothingIsLostWithEightProducersOfAHundredThousandMessages()
    {
        IActorRef counter = Sys.ActorOf(Props.Create(() => new CollectorActor()));
        const int producers = 8, perProducer = 100_000;
        RunProducers(producers, _ =>
        {
            for (int i = 0; i < perProducer; i++)
            {
                counter.Tell(i);
            }
        });

        long count = await counter.Ask<long>("count", Dilated(TimeSpan.FromSeconds(20)));

        Assert.Equal((long)producers * perProducer, count);
        Assert.Equal(0, Sys.DeadLetterCount);
    }

    [Fact]
    public void SenderIsPassedAlongAndRepliesReachIt()
    {
        IActorRef echo = Sys.ActorOf(Props.Create(() => new EchoActor()), "echo");

        TestActor.Send(echo, "hello");

        Assert.Equal("hello", ExpectMsg<string>());
        Assert.Same(echo, LastSender);
    }

    [Fact]
    public void TellWithoutSenderRepliesBecomeDeadLetters()
    {
        IActorRef echo = Sys.ActorOf(Props.Create(() => new EchoActor()));
        var letters = new System.Collections.Concurrent.ConcurrentQueue<DeadLetter>();
        Sys.DeadLetterPublished += letters.Enqueue;

        echo.Tell("to nobody");

        AwaitAssert(() => Assert.Single(letters));
        Assert.Equal("to nobody", letters.Single().Message);
        Assert.Same(Sys.DeadLetters, letters.Single().Recipient);
    }

    [Fact]
    public void DuplicateTopLevelNamesAreRejected()
    {
        Sys.ActorOf(Props.Create(() => new EchoActor()), "same");

        Assert.Throws<ArgumentException>(() => Sys.ActorOf(Props.Create(() => new EchoActor()), "same"));
    }
}

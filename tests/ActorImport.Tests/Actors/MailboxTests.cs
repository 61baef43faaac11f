using ActorImport.Actors;
using ActorImport.Testing;

namespace ActorImport.Tests.Actors;

public sealed class MailboxTests() : TestKit(new ActorSystemSettings { Throughput = 10, AskTimeout = TimeSpan.FromSeconds(30), Log = static (_, _) => { } })
{
    /// <summary>Blocks on "block"; records the mailbox run each other message was processed in.</summary>
    private sealed class RunRecorderActor : ReceiveActor
    {
        private readonly List<long> _runs = [];

        public RunRecorderActor(ManualResetEventSlim gate, IActorRef report)
        {
            Receive<string>(s => s == "block", _ =>
            {
                report.Tell("blocked");
                gate.Wait(TimeSpan.FromSeconds(30));
            });
            Receive<string>(s => s == "runs", _ => Sender.Tell(_runs.ToArray()));
            Receive<int>(i =>
            {
                _runs.Add(((LocalActorRef)Self).Mailbox.Runs);
                report.Tell(i);
            });
        }
    }

    [Fact]
    public async Task AnActorYieldsItsThreadAfterThroughputMessages()
    {
        using var gate = new ManualResetEventSlim();
        IActorRef actor = Sys.ActorOf(Props.Create(() => new RunRecorderActor(gate, Sys.DeadLetters)));
        actor.Tell("block");
        for (int i = 0; i < 95; i++)
        {
            actor.Tell(i); // all queued while the actor is blocked, so batches can be full
        }
        gate.Set();

        long[] runs = await actor.Ask<long[]>("runs").WaitAsync(Dilated(TimeSpan.FromSeconds(20)));

        Assert.Equal(95, runs.Length);
        var batches = runs.GroupBy(r => r).Select(g => g.Count()).ToList();
        Assert.All(batches, size => Assert.True(size <= 10, $"a run processed {size} messages"));
        // "block" took one place of the first batch; every later batch is full but the last.
        Assert.Equal([9, 10, 10, 10, 10, 10, 10, 10, 10, 6], batches);
    }

    [Fact]
    public void SystemMessagesOvertakeQueuedUserMessages()
    {
        using var gate = new ManualResetEventSlim();
        var letters = new System.Collections.Concurrent.ConcurrentQueue<DeadLetter>();
        Sys.DeadLetterPublished += letters.Enqueue;
        IActorRef actor = Sys.ActorOf(Props.Create(() => new RunRecorderActor(gate, TestActor)));
        Watch(actor);
        actor.Tell("block");
        ExpectMsg("blocked");
        for (int i = 0; i < 5; i++)
        {
            actor.Tell(i);
        }

        Sys.Stop(actor); // a system message, sent after the five user messages
        gate.Set();

        ExpectTerminated(actor); // and no number came before it
        AwaitAssert(() => Assert.Equal([0, 1, 2, 3, 4], letters.Select(l => l.Message)));
        Assert.Equal(5, Sys.DeadLetterCount);
    }

    [Fact]
    public async Task MessagesSentBeforeTheActorStartedAreKept()
    {
        IActorRef echo = Sys.ActorOf(Props.Create(() => new EchoActor()));
        Task<int>[] replies = Enumerable.Range(0, 100).Select(i => echo.Ask<int>(i)).ToArray();

        int[] values = await Task.WhenAll(replies).WaitAsync(Dilated(TimeSpan.FromSeconds(20)));

        Assert.Equal(Enumerable.Range(0, 100), values);
    }
}

public sealed class MpscQueueTests
{
    [Fact]
    public void GrowsPastItsFirstRingInOrder()
    {
        var queue = new MpscQueue<int>();
        for (int i = 0; i < 1000; i++)
        {
            queue.Enqueue(i);
        }
        Assert.True(queue.HasItems);
        for (int i = 0; i < 1000; i++)
        {
            Assert.True(queue.TryDequeue(out int item));
            Assert.Equal(i, item);
        }
        Assert.False(queue.TryDequeue(out _));
        Assert.False(queue.HasItems);
    }

    [Fact]
    public void ReusesItsRingWhenTheConsumerKeepsUp()
    {
        var queue = new MpscQueue<int>();
        for (int i = 0; i < 10_000; i++)
        {
            queue.Enqueue(i);
            Assert.True(queue.TryDequeue(out int item));
            Assert.Equal(i, item);
        }
        Assert.False(queue.HasItems);
    }
}

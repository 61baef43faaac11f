using ActorImport.Actors;
using ActorImport.Testing;

namespace ActorImport.Tests.Actors;

public sealed class AskTests() : TestKit(new ActorSystemSettings { AskTimeout = TimeSpan.FromSeconds(30), Log = static (_, _) => { } })
{
    // Hang guard only: every ask here must finish long before it.
    private TimeSpan Guard => Dilated(TimeSpan.FromSeconds(20));

    private sealed class ThrowingActor : ReceiveActor
    {
        public ThrowingActor(Exception toThrow) => ReceiveAny(_ => throw toThrow);
    }

    private sealed class FailureReplyActor : ReceiveActor
    {
        public FailureReplyActor(Exception cause) => ReceiveAny(_ => Sender.Tell(new Status.Failure(cause)));
    }

    [Fact]
    public async Task AskCompletesWithTheReply()
    {
        IActorRef echo = Sys.ActorOf(Props.Create(() => new EchoActor()));

        Assert.Equal("ping", await echo.Ask<string>("ping").WaitAsync(Guard));
        Assert.Equal(42, await echo.Ask<int>(42).WaitAsync(Guard));
    }

    [Fact]
    public async Task AskTimesOutWhenNoReplyComes()
    {
        IActorRef silent = Sys.ActorOf(Props.Create(() => new SilentActor()));

        Task<string> reply = silent.Ask<string>("anyone?", TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAsync<AskTimeoutException>(() => reply.WaitAsync(Guard));
    }

    [Fact]
    public async Task AskWithoutTimeoutUsesTheSettingsTimeout()
    {
        await using var system = ActorSystem.Create("short", new ActorSystemSettings { AskTimeout = TimeSpan.FromMilliseconds(100) });
        IActorRef silent = system.ActorOf(Props.Create(() => new SilentActor()));

        // The settings say 100 ms; the guard is far longer, so only the default timeout can end it.
        await Assert.ThrowsAsync<AskTimeoutException>(() => silent.Ask<string>("anyone?").WaitAsync(Guard));
    }

    [Fact]
    public async Task AskToAnActorThatThrowsFaultsWithTheException()
    {
        var boom = new InvalidOperationException("boom");
        IActorRef thrower = Sys.ActorOf(Props.Create(() => new ThrowingActor(boom)));

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(
            () => thrower.Ask<string>("go", Timeout.InfiniteTimeSpan).WaitAsync(Guard));

        Assert.Same(boom, thrown);
    }

    [Fact]
    public async Task StatusFailureReplyFaultsTheAsk()
    {
        var cause = new FormatException("bad");
        IActorRef failing = Sys.ActorOf(Props.Create(() => new FailureReplyActor(cause)));

        var thrown = await Assert.ThrowsAsync<FormatException>(() => failing.Ask<string>("go").WaitAsync(Guard));

        Assert.Same(cause, thrown);
    }

    [Fact]
    public async Task ReplyOfTheWrongTypeFaultsWithInvalidCast()
    {
        IActorRef echo = Sys.ActorOf(Props.Create(() => new EchoActor()));

        await Assert.ThrowsAsync<InvalidCastException>(() => echo.Ask<string>(7).WaitAsync(Guard));
    }

    [Fact]
    public async Task AskToAStoppedActorFaultsPromptly()
    {
        IActorRef echo = Sys.ActorOf(Props.Create(() => new EchoActor()));
        Watch(echo);
        Sys.Stop(echo);
        ExpectTerminated(echo);

        // An infinite timeout: only the dead-letter path can end this ask before the guard.
        var thrown = await Assert.ThrowsAsync<ActorStoppedException>(
            () => echo.Ask<string>("hello?", Timeout.InfiniteTimeSpan).WaitAsync(Guard));

        Assert.Equal(echo.Path, thrown.RecipientPath);
    }

    [Fact]
    public async Task AskOfAnUnhandledMessageFaultsPromptly()
    {
        IActorRef picky = Sys.ActorOf(Props.Create(() => new FailureReplyActor(new Exception())));
        IActorRef onlyInts = Sys.ActorOf(Props.Create(() => new IntOnlyActor()));

        await Assert.ThrowsAsync<UnhandledMessageException>(
            () => onlyInts.Ask<string>("not an int", Timeout.InfiniteTimeSpan).WaitAsync(Guard));
        Assert.NotNull(picky);
    }

    [Fact]
    public async Task PendingAsksFaultWhenTheSystemTerminates()
    {
        // The probe gets the message and never answers: only termination can end the ask.
        IActorRef forward = Sys.ActorOf(Props.Create(() => new ForwardActor(TestActor)));
        Task<string> reply = forward.Ask<string>("anyone?", TimeSpan.FromHours(1));
        ExpectMsg("anyone?");

        await Sys.Terminate().WaitAsync(Guard);

        await Assert.ThrowsAsync<AskTimeoutException>(() => reply.WaitAsync(Guard));
    }

    [Fact]
    public async Task ManyConcurrentAsksAllCompleteAndLeaveNoSlotBehind()
    {
        IActorRef echo = Sys.ActorOf(Props.Create(() => new EchoActor()));
        IActorRef silent = Sys.ActorOf(Props.Create(() => new SilentActor()));

        // More than one chunk of the timeout table (1024 slots) is pending at once.
        Task<int>[] answered = Enumerable.Range(0, 3000).Select(i => echo.Ask<int>(i)).ToArray();
        Task<int>[] unanswered = Enumerable.Range(0, 3000).Select(i => silent.Ask<int>(i, TimeSpan.FromMilliseconds(50))).ToArray();

        Assert.Equal(Enumerable.Range(0, 3000), await Task.WhenAll(answered).WaitAsync(Guard));
        foreach (Task<int> ask in unanswered)
        {
            await Assert.ThrowsAsync<AskTimeoutException>(() => ask.WaitAsync(Guard));
        }
        // A slot is freed just after its task completes, so the last ones may still be on their way.
        AwaitAssert(() => Assert.Equal(0, Sys.AskTimeouts.PendingCount));
    }

    private sealed class IntOnlyActor : ReceiveActor
    {
        public IntOnlyActor() => Receive<int>(i => Sender.Tell(i));
    }
}

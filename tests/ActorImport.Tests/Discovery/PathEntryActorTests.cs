using ActorImport.Discovery;
using ActorImport.Model;
using Akka.Actor;
using Akka.TestKit;

namespace ActorImport.Tests.Discovery;

/// <summary>
/// The engine's path-entry actors on Akka.NET, as behaviours the path finder relies on: one
/// actor per entry under the engine's supervisor, answers in the order a sender asked, a
/// lookup that throws answers its asker with the error and the actor is restarted (the
/// requests queued behind it are still answered), every ask ends (timeout), and the actors stop
/// with the engine. Debug logging is on so that the supervisor's restart can be seen.
/// </summary>
public sealed class PathEntryActorTests() : ImportTestKit(null, "--set", "akka.loglevel=DEBUG")
{
    /// <summary>A lookup whose answer names the entry and the module; "boom" throws; waits at the gate when one is set.</summary>
    private sealed class ScriptedLookup
    {
        public ManualResetEventSlim? Gate { get; init; }

        public int Calls;

        public PathEntryAnswer Find(string entry, string fullname, ModuleObject? target)
        {
            Interlocked.Increment(ref Calls);
            Gate?.Wait();
            if (fullname == "boom")
            {
                throw new InvalidOperationException($"lookup of boom in {entry} failed");
            }
            return new PathEntryAnswer(new ModuleSpec(fullname, null, origin: entry));
        }
    }

    private static string OriginOf(object reply) => ((PathEntryAnswer)reply).Spec!.Origin!;

    private static string NameOf(object reply) => ((PathEntryAnswer)reply).Spec!.Name;

    [Fact]
    public async Task OneActorPerEntryUnderTheEnginesSupervisor()
    {
        using var actors = new PathEntryActors(Actors, new ScriptedLookup().Find);
        IActorRef a = await actors.ActorFor("/a");
        Assert.Same(a, await actors.ActorFor("/a"));
        IActorRef b = await actors.ActorFor("");
        Assert.NotEqual(a, b);
        Assert.Equal(actors.Supervisor.Path, a.Path.Parent);
        Assert.Equal(actors.Supervisor.Path, b.Path.Parent);
        Assert.Equal("/a", OriginOf(await actors.AskAsync("/a", "m", null)));
    }

    [Fact]
    public async Task RepliesComeInTheOrderOneSenderAsked()
    {
        using var actors = new PathEntryActors(Actors, new ScriptedLookup().Find);
        IActorRef entry = await actors.ActorFor("/ordered");
        TestProbe sender = CreateTestProbe();
        string[] names = [.. Enumerable.Range(0, 200).Select(i => $"m{i}")];
        foreach (string name in names)
        {
            entry.Tell(new FindInEntry("/ordered", name, null), sender.Ref);
        }
        Within(TimeSpan.FromSeconds(10), () =>
        {
            foreach (string name in names)
            {
                Assert.Equal(name, NameOf(sender.ExpectMsg<PathEntryAnswer>()));
            }
        });
    }

    [Fact]
    public async Task AThrowingLookupAnswersWithTheErrorIsRestartedAndAnswersWhatWasQueued()
    {
        using var gate = new ManualResetEventSlim(false);
        var lookup = new ScriptedLookup { Gate = gate };
        using var actors = new PathEntryActors(Actors, lookup.Find);
        IActorRef entry = await actors.ActorFor("/failing");
        TestProbe first = CreateTestProbe(), failing = CreateTestProbe(), queued = CreateTestProbe();
        entry.Tell(new FindInEntry("/failing", "before", null), first.Ref); // holds the actor at the gate
        await AwaitConditionAsync(() => Task.FromResult(Volatile.Read(ref lookup.Calls) == 1));
        entry.Tell(new FindInEntry("/failing", "boom", null), failing.Ref);
        entry.Tell(new FindInEntry("/failing", "after-1", null), queued.Ref);
        entry.Tell(new FindInEntry("/failing", "after-2", null), queued.Ref);

        // The restart is logged by the restarted actor itself (PostRestart).
        await EventFilter.Debug(contains: "path-entry actor for '/failing' restarted after InvalidOperationException").ExpectOneAsync(() =>
        {
            gate.Set();
            Assert.Equal("before", NameOf(first.ExpectMsg<PathEntryAnswer>()));
            var failure = failing.ExpectMsg<Status.Failure>();
            Assert.Equal("lookup of boom in /failing failed", Assert.IsType<InvalidOperationException>(failure.Cause).Message);
            return Task.CompletedTask;
        });
        Assert.Equal("after-1", NameOf(queued.ExpectMsg<PathEntryAnswer>()));
        Assert.Equal("after-2", NameOf(queued.ExpectMsg<PathEntryAnswer>()));
    }

    [Fact]
    public async Task AnAskToAThrowingLookupFailsWithTheErrorNotATimeout()
    {
        using var actors = new PathEntryActors(Actors, new ScriptedLookup().Find);
        Task<PathEntryAnswer> asked = actors.AskAsync("/e", "boom", null);
        // The ask timeout (5s) is far beyond this bound only if the timeout were what ended it.
        Task done = await Task.WhenAny(asked, Task.Delay(Dilated(TimeSpan.FromSeconds(30))));
        Assert.Same(asked, done);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => asked);
        Assert.Equal("lookup of boom in /e failed", error.Message);
        Assert.Equal("m", NameOf(await actors.AskAsync("/e", "m", null))); // restarted, answering again
    }

    [Fact]
    public async Task AnAskThatIsNeverAnsweredEndsWithTheConfiguredTimeout()
    {
        using var gate = new ManualResetEventSlim(false);
        var shortAsks = ActorImport.Configuration.ImportActorSystem.Share(Sys, RootConfiguration("--set", "akka.actor.ask-timeout=300ms"));
        using var actors = new PathEntryActors(shortAsks, new ScriptedLookup { Gate = gate }.Find);
        try
        {
            await Assert.ThrowsAsync<AskTimeoutException>(() => actors.AskAsync("/stuck", "m", null).WaitAsync(Dilated(TimeSpan.FromSeconds(30))));
        }
        finally
        {
            gate.Set();
        }
    }

    [Fact]
    public async Task DisposingTheTransportStopsTheSupervisorAndEveryEntryActor()
    {
        var actors = new PathEntryActors(Actors, new ScriptedLookup().Find);
        IActorRef a = await actors.ActorFor("/a"), b = await actors.ActorFor("/b");
        TestProbe watcher = CreateTestProbe();
        watcher.Watch(actors.Supervisor);
        watcher.Watch(a);
        watcher.Watch(b);
        actors.Dispose();
        var stopped = new HashSet<IActorRef>
        {
            watcher.ExpectMsg<Terminated>().ActorRef,
            watcher.ExpectMsg<Terminated>().ActorRef,
            watcher.ExpectMsg<Terminated>().ActorRef,
        };
        Assert.Equal(new HashSet<IActorRef> { actors.Supervisor, a, b }, stopped);
        Assert.False(Sys.WhenTerminated.IsCompleted); // the host's system goes on
    }

    [Fact]
    public async Task EntriesAreAskedConcurrentlyButEachEntryOneRequestAtATime()
    {
        // Two entries: while /slow is held at the gate, /fast still answers.
        using var gate = new ManualResetEventSlim(false);
        var held = new ScriptedLookup { Gate = gate };
        var free = new ScriptedLookup();
        using var actors = new PathEntryActors(Actors, (entry, name, target) => entry == "/slow" ? held.Find(entry, name, target) : free.Find(entry, name, target));
        Task<PathEntryAnswer> slow = actors.AskAsync("/slow", "m", null);
        Assert.Equal("/fast", OriginOf(await actors.AskAsync("/fast", "m", null)));
        Assert.False(slow.IsCompleted);
        gate.Set();
        Assert.Equal("/slow", OriginOf(await slow));
    }
}

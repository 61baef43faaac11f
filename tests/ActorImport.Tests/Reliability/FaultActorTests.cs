using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Tests.Engine;

namespace ActorImport.Tests.Reliability;

/// <summary>
/// Actors that throw (issue 11, "Faults"): a fault injected into the coordinator or into a
/// module actor while chains wait (the <see cref="InjectFault"/> test hook) is logged as an error,
/// Akka's supervision restarts the actor, and every pending request is answered — the waiters
/// get the owner's module, claims queued behind the fault are decided, and nothing is left in
/// flight. Path-entry actors are covered by <c>PathEntryActorTests</c> (a throwing lookup
/// answers its asker with the error, is restarted, answers what was queued). The engine shares
/// the TestKit's actor system, so its EventFilter sees the restarts.
/// </summary>
public sealed class FaultActorTests() : ImportTestKit(null, "--set", "akka.loglevel=ERROR")
{
    private static readonly TimeSpan HangDetector = TimeSpan.FromSeconds(60);

    private ImportEngine NewEngine() =>
        new(new ImportEngineOptions { Coordination = CoordinationMode.Actors, ImportWait = HangDetector }, Sys);

    /// <summary>Starts an owner of <c>held</c> and <paramref name="waiters"/> chains waiting for it; the body blocks until <paramref name="release"/>.</summary>
    private static (Task<object?> Owner, Task<object?>[] Waiters) HoldWithWaiters(ImportEngine engine, HostModules host, ManualResetEventSlim release, int waiters, string name = "held")
    {
        long waitsBefore = engine.Statistics.Waits;
        host.Add(name, m =>
        {
            Assert.True(release.Wait(HangDetector));
            m.SetAttribute("DONE", true);
        });
        Task<object?> owner = Task.Factory.StartNew(() => engine.ImportModule(name), TaskCreationOptions.LongRunning);
        Assert.True(SpinWait.SpinUntil(() => engine.Modules.IsInitializing(name), HangDetector));
        Task<object?>[] tasks =
        [
            .. Enumerable.Range(0, waiters / 2).Select(_ => Task.Factory.StartNew(() => engine.ImportModule(name), TaskCreationOptions.LongRunning)),
            .. Enumerable.Range(0, waiters - (waiters / 2)).Select(_ => engine.ImportModuleAsync(name)),
        ];
        Assert.True(SpinWait.SpinUntil(() => engine.Statistics.Waits >= waitsBefore + waiters, HangDetector));
        return (owner, tasks);
    }

    [Fact]
    public async Task ACoordinatorThatThrowsIsRestartedAndEveryPendingRequestIsAnswered()
    {
        using var engine = NewEngine();
        var host = new HostModules();
        engine.MetaPath.Insert(0, host);
        var coordination = Assert.IsType<ActorCoordination>(engine.Coordination);
        using var release = new ManualResetEventSlim();
        var (owner, waiters) = HoldWithWaiters(engine, host, release, 6);

        // Three faults, each followed at once by claims queued behind it in the mailbox.
        var late = new List<Task<object?>>();
        for (int i = 0; i < 3; i++)
        {
            await EventFilter.Exception<InvalidOperationException>(message: $"injected coordinator fault {i}").ExpectOneAsync(() =>
            {
                coordination.InjectFault(new InvalidOperationException($"injected coordinator fault {i}"));
                late.Add(engine.ImportModuleAsync("held"));
                return Task.CompletedTask;
            });
        }
        Assert.True(SpinWait.SpinUntil(() => engine.Statistics.Waits >= 9, HangDetector));
        Assert.Equal(9, CoordinationProbe.Counts(engine).Waiters);

        release.Set();
        object? module = await owner.WaitAsync(HangDetector);
        foreach (Task<object?> waiter in waiters.Concat(late))
        {
            Assert.Same(module, await waiter.WaitAsync(HangDetector));
        }
        Assert.Equal(1, host.Executions("held"));
        CoordinationProbe.AssertNothingInFlight(engine, HangDetector);

        // Healthy afterwards: a new contended attempt goes through the restarted coordinator.
        using var again = new ManualResetEventSlim();
        var (owner2, waiters2) = HoldWithWaiters(engine, host, again, 4, "other");
        again.Set();
        object? other = await owner2.WaitAsync(HangDetector);
        Assert.All(await Task.WhenAll(waiters2).WaitAsync(HangDetector), m => Assert.Same(other, m));
        CoordinationProbe.AssertNothingInFlight(engine, HangDetector);
    }

    [Fact]
    public async Task AModuleActorThatThrowsIsRestartedWithItsWaiters()
    {
        using var engine = NewEngine();
        var host = new HostModules();
        engine.MetaPath.Insert(0, host);
        var coordination = Assert.IsType<ActorCoordination>(engine.Coordination);
        using var release = new ManualResetEventSlim();
        var (owner, waiters) = HoldWithWaiters(engine, host, release, 6);
        Assert.Equal(1, CoordinationProbe.Counts(engine).ModuleActors);

        await EventFilter.Exception<InvalidOperationException>(message: "injected module-actor fault").ExpectOneAsync(() =>
        {
            coordination.InjectFault(new InvalidOperationException("injected module-actor fault"), "held");
            return Task.CompletedTask;
        });
        Task<object?> late = engine.ImportModuleAsync("held");
        Assert.True(SpinWait.SpinUntil(() => engine.Statistics.Waits >= 7, HangDetector));

        release.Set();
        object? module = await owner.WaitAsync(HangDetector);
        foreach (Task<object?> waiter in waiters.Append(late))
        {
            Assert.Same(module, await waiter.WaitAsync(HangDetector));
        }
        CoordinationProbe.AssertNothingInFlight(engine, HangDetector);
    }

    /// <summary>A failed attempt's waiters get its exception even when the module actor was restarted in between.</summary>
    [Fact]
    public async Task AFailedAttemptReachesWaitersOfARestartedModuleActor()
    {
        using var engine = NewEngine();
        var host = new HostModules();
        engine.MetaPath.Insert(0, host);
        var coordination = Assert.IsType<ActorCoordination>(engine.Coordination);
        using var release = new ManualResetEventSlim();
        var failure = new ActorImport.Model.PythonException("RuntimeError", "body failed");
        host.Add("failing", _ =>
        {
            Assert.True(release.Wait(HangDetector));
            throw failure;
        });
        Task<object?> owner = Task.Factory.StartNew(() => engine.ImportModule("failing"), TaskCreationOptions.LongRunning);
        Assert.True(SpinWait.SpinUntil(() => engine.Modules.IsInitializing("failing"), HangDetector));
        Task<object?>[] waiters = [.. Enumerable.Range(0, 4).Select(_ => engine.ImportModuleAsync("failing"))];
        Assert.True(SpinWait.SpinUntil(() => engine.Statistics.Waits >= 4, HangDetector));
        await EventFilter.Exception<InvalidOperationException>().ExpectOneAsync(() =>
        {
            coordination.InjectFault(new InvalidOperationException("injected"), "failing");
            return Task.CompletedTask;
        });
        release.Set();
        Assert.Same(failure, await Assert.ThrowsAsync<ActorImport.Model.PythonException>(() => owner.WaitAsync(HangDetector)));
        foreach (Task<object?> waiter in waiters)
        {
            Assert.Same(failure, await Assert.ThrowsAsync<ActorImport.Model.PythonException>(() => waiter.WaitAsync(HangDetector)));
        }
        Assert.False(engine.Modules.ContainsKey("failing"));
        CoordinationProbe.AssertNothingInFlight(engine, HangDetector);
    }
}

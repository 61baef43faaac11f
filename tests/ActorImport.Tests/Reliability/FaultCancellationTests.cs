using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Tests.Engine;

namespace ActorImport.Tests.Reliability;

/// <summary>
/// Cancelling <see cref="ImportEngine.ImportModuleAsync(string, string?, CancellationToken)"/>
/// while it waits for another chain's module (issue 11, "Faults"): the waiter leaves with
/// OperationCanceledException, its wait edge and waiter entry are gone at once, the owner
/// finishes, the other waiters get the module, and afterwards nothing is left in the claim table,
/// the wait-for graph, the module actors or the claim slots. Run under both coordinations.
/// </summary>
public abstract class FaultCancellationTests : EngineTestBase
{
    /// <summary>An engine with host module <c>held</c> whose body blocks until <paramref name="release"/> is set.</summary>
    private (ImportEngine Engine, HostModules Host) EngineWithHeldModule(ManualResetEventSlim release)
    {
        var engine = NewEngine();
        var host = new HostModules()
            .Add("held", m =>
            {
                Assert.True(release.Wait(HangDetector));
                m.SetAttribute("DONE", true);
            }, isPackage: true)
            .Add("held.sub", m => m.SetAttribute("SUB", true));
        engine.MetaPath.Insert(0, host);
        return (engine, host);
    }

    [Fact]
    public async Task ACancelledWaiterLeavesAndTheOwnerFinishes()
    {
        using var release = new ManualResetEventSlim();
        var (engine, host) = EngineWithHeldModule(release);
        Task<object?> owner = Task.Factory.StartNew(() => engine.ImportModule("held"), TaskCreationOptions.LongRunning);
        Assert.True(SpinWait.SpinUntil(() => engine.Modules.IsInitializing("held"), HangDetector));

        using var cancel = new CancellationTokenSource();
        Task<object?> waiter = engine.ImportModuleAsync("held", cancel.Token);
        Assert.True(SpinWait.SpinUntil(() => engine.Statistics.Waits >= 1, HangDetector));
        Assert.False(waiter.IsCompleted);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter.WaitAsync(HangDetector));

        // The waiter is gone from the graph while the owner still runs.
        CoordinationCounts during = CoordinationProbe.Counts(engine);
        Assert.Equal(0, during.WaitEdges);
        Assert.Equal(0, during.Waiters);
        Assert.True(engine.Modules.IsInitializing("held"));

        release.Set();
        object? module = await owner.WaitAsync(HangDetector);
        Assert.Equal(true, Module(module).GetAttributeOrDefault("DONE"));
        Assert.Same(module, await engine.ImportModuleAsync("held"));
        Assert.Equal(1, host.Executions("held"));
        CoordinationProbe.AssertNothingInFlight(engine, HangDetector);
    }

    /// <summary>Half the waiters cancel: the rest get the one module.</summary>
    [Fact]
    public async Task CancellingSomeWaitersLeavesTheOthersWaitingForTheSameModule()
    {
        const int waiters = 8;
        using var release = new ManualResetEventSlim();
        var (engine, host) = EngineWithHeldModule(release);
        Task<object?> owner = Task.Factory.StartNew(() => engine.ImportModule("held"), TaskCreationOptions.LongRunning);
        Assert.True(SpinWait.SpinUntil(() => engine.Modules.IsInitializing("held"), HangDetector));

        var sources = Enumerable.Range(0, waiters).Select(_ => new CancellationTokenSource()).ToArray();
        Task<object?>[] tasks = [.. Enumerable.Range(0, waiters).Select(i => engine.ImportModuleAsync("held", sources[i].Token))];
        Assert.True(SpinWait.SpinUntil(() => engine.Statistics.Waits >= waiters, HangDetector));
        for (int i = 0; i < waiters; i += 2)
        {
            sources[i].Cancel();
        }
        for (int i = 0; i < waiters; i += 2)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => tasks[i].WaitAsync(HangDetector));
        }
        Assert.Equal(waiters / 2, CoordinationProbe.Counts(engine).WaitEdges);

        release.Set();
        object? module = await owner.WaitAsync(HangDetector);
        for (int i = 1; i < waiters; i += 2)
        {
            Assert.Same(module, await tasks[i].WaitAsync(HangDetector));
        }
        Assert.Equal(1, host.Executions("held"));
        CoordinationProbe.AssertNothingInFlight(engine, HangDetector);
        foreach (var source in sources)
        {
            source.Dispose();
        }
    }

    [Fact]
    public async Task AnAlreadyCancelledTokenClaimsNothing()
    {
        using var engine = NewEngine();
        Tree.Write("plain.py", "X = 1\n");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.ImportModuleAsync("plain", new CancellationToken(canceled: true)));
        Assert.False(engine.Modules.ContainsKey("plain"));
        Assert.Equal(1L, Module(await engine.ImportModuleAsync("plain", CancellationToken.None)).GetAttributeOrDefault("X"));
        CoordinationProbe.AssertNothingInFlight(engine, HangDetector);
    }

    /// <summary>A wait that times out (the engine's import-wait) also leaves the wait-for graph, so the graph never follows a chain that no longer waits.</summary>
    [Fact]
    public async Task AWaitThatTimesOutLeavesTheGraphToo()
    {
        using var release = new ManualResetEventSlim();
        using var engine = NewEngine(o => o with { ImportWait = TimeSpan.FromMilliseconds(200) });
        engine.MetaPath.Insert(0, new HostModules().Add("held", _ => Assert.True(release.Wait(HangDetector))));
        Task<object?> owner = Task.Factory.StartNew(() => engine.ImportModule("held"), TaskCreationOptions.LongRunning);
        Assert.True(SpinWait.SpinUntil(() => engine.Modules.IsInitializing("held"), HangDetector));
        var timedOut = Assert.ThrowsAny<ActorImport.Model.ImportError>(() => engine.ImportModule("held"));
        Assert.Contains("timed out", timedOut.Message, StringComparison.Ordinal);
        Assert.Equal(0, CoordinationProbe.Counts(engine).WaitEdges);
        release.Set();
        await owner.WaitAsync(HangDetector);
        CoordinationProbe.AssertNothingInFlight(engine, HangDetector);
    }
}

public sealed class ActorFaultCancellationTests : FaultCancellationTests
{
    protected override CoordinationMode Mode => CoordinationMode.Actors;
}

public sealed class LockFaultCancellationTests : FaultCancellationTests
{
    protected override CoordinationMode Mode => CoordinationMode.Locks;
}

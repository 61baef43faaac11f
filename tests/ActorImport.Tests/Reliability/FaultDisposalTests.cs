using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Tests.Engine;

namespace ActorImport.Tests.Reliability;

/// <summary>
/// The engine disposed while imports are in flight (issue 11, "Faults"): every waiter, sync or
/// async, leaves at once with <see cref="ObjectDisposedException"/> (no hang, even with the
/// default infinite import-wait), the owner's next import raises it too, the owner itself ends
/// with it, and every later call (cached modules included) raises it. Run under both
/// coordinations, with a host's actor system and with the engine's own.
/// </summary>
public abstract class FaultDisposalTests : EngineTestBase
{
    [Fact]
    public Task DisposingWithChainsInFlightGivesEachAClearError() => DisposeInFlight(NewEngine(o => o with { ImportWait = Timeout.InfiniteTimeSpan }));

    /// <summary>The same with an engine that owns (and so terminates) its actor system.</summary>
    [Fact]
    public Task DisposingAnEngineWithItsOwnActorSystemGivesEachAClearError() =>
        DisposeInFlight(new ImportEngine(new ImportEngineOptions { SearchPath = [Tree.Root], Coordination = Mode, ImportWait = Timeout.InfiniteTimeSpan }));

    private async Task DisposeInFlight(ImportEngine engine)
    {
        const int syncWaiters = 4;
        const int asyncWaiters = 3;
        Tree.Write("cached.py", "X = 1\n");
        Tree.Write("after.py", "X = 2\n");
        using var release = new ManualResetEventSlim();
        Exception? ownersNestedImport = null;
        engine.MetaPath.Insert(0, new HostModules().Add("held", m =>
        {
            Assert.True(release.Wait(HangDetector));
            try
            {
                engine.ImportModule("after");
            }
            catch (Exception e)
            {
                ownersNestedImport = e;
                throw;
            }
        }));
        object? cached = engine.ImportModule("cached");
        Assert.NotNull(cached);

        Task<object?> owner = Task.Factory.StartNew(() => engine.ImportModule("held"), TaskCreationOptions.LongRunning);
        Assert.True(SpinWait.SpinUntil(() => engine.Modules.IsInitializing("held"), HangDetector));
        Task<object?>[] waiters =
        [
            .. Enumerable.Range(0, syncWaiters).Select(_ => Task.Factory.StartNew(() => engine.ImportModule("held"), TaskCreationOptions.LongRunning)),
            .. Enumerable.Range(0, asyncWaiters).Select(_ => engine.ImportModuleAsync("held")),
        ];
        Assert.True(SpinWait.SpinUntil(() => engine.Statistics.Waits >= syncWaiters + asyncWaiters, HangDetector));

        engine.Dispose();
        foreach (Task<object?> waiter in waiters)
        {
            var error = await Assert.ThrowsAsync<ObjectDisposedException>(() => waiter.WaitAsync(HangDetector));
            Assert.Contains("disposed", error.Message, StringComparison.Ordinal);
        }
        Assert.False(owner.IsCompleted);

        release.Set();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => owner.WaitAsync(HangDetector));
        Assert.IsType<ObjectDisposedException>(ownersNestedImport);

        Assert.Throws<ObjectDisposedException>(() => engine.ImportModule("cached"));
        Assert.Throws<ObjectDisposedException>(() => engine.ImportModule("after"));
        Assert.Throws<ObjectDisposedException>(() => engine.ImportName("cached"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => engine.ImportModuleAsync("cached"));
        engine.Dispose(); // idempotent
    }
}

public sealed class ActorFaultDisposalTests : FaultDisposalTests
{
    protected override CoordinationMode Mode => CoordinationMode.Actors;
}

public sealed class LockFaultDisposalTests : FaultDisposalTests
{
    protected override CoordinationMode Mode => CoordinationMode.Locks;
}

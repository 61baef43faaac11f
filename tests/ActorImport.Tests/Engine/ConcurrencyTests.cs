using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Model;

namespace ActorImport.Tests.Engine;

/// <summary>
/// Many chains at once, against both coordinations (issue 8 "Concurrency"; design.md "Where we
/// choose CPython's fixed behaviour"). Threads start together on a barrier; bounded waits only
/// detect hangs; nothing asserts timing.
/// </summary>
public abstract class ConcurrencyTests : EngineTestBase
{
    [Fact]
    public void SixtyFourChainsImportASlowModuleOnce()
    {
        Tree.Write("slow.py", "import time\ntime.sleep(0.05)\nDONE = True\n");
        using var engine = NewEngine();
        var results = RunTogether(64, _ => engine.ImportModule("slow"));
        Assert.All(results, r => Assert.Null(r.Error));
        var first = Module(results[0].Value);
        Assert.All(results, r => Assert.Same(first, r.Value));
        Assert.Equal(true, first.GetAttributeOrDefault("DONE"));
        Assert.Equal(1, engine.Statistics.BodiesExecuted);
        Assert.Empty(engine.Modules.Initializing());
    }

    [Fact]
    public void EveryWaiterOfAContendedAttemptGetsTheSameModule()
    {
        const int chains = 16;
        using var engine = NewEngine();
        var host = new HostModules();
        // The owner finishes only once every other chain waits for it: all 15 are waiters of this attempt.
        host.Add("contended", m =>
        {
            Assert.True(SpinWait.SpinUntil(() => engine.Statistics.Waits >= chains - 1, HangDetector));
            m.SetAttribute("READY", true);
        });
        engine.MetaPath.Insert(0, host);
        var results = RunTogether(chains, _ => engine.ImportModule("contended"));
        Assert.All(results, r => Assert.Same(results[0].Value, r.Value));
        Assert.Equal(1, host.Executions("contended"));
        Assert.Equal(chains - 1, engine.Statistics.Waits);
        if (engine.Coordination is ActorCoordination actors)
        {
            Assert.Equal(1, engine.Statistics.ModuleActorsStarted);
            // The module actor stops once it has released its waiters.
            Assert.True(SpinWait.SpinUntil(() => actors.LiveModuleActorsAsync().GetAwaiter().GetResult() == 0, HangDetector));
        }
    }

    [Fact]
    public void EveryWaiterOfAFailedAttemptGetsTheSameExceptionAndARetryReExecutes()
    {
        const int chains = 16;
        using var engine = NewEngine();
        var host = new HostModules();
        bool fail = true;
        host.Add("failing", m =>
        {
            if (Volatile.Read(ref fail))
            {
                Assert.True(SpinWait.SpinUntil(() => engine.Statistics.Waits >= chains - 1, HangDetector));
                throw new PythonException("RuntimeError", "the body failed");
            }
            m.SetAttribute("OK", true);
        });
        engine.MetaPath.Insert(0, host);
        var results = RunTogether(chains, _ => engine.ImportModule("failing"));
        var error = Assert.IsType<PythonException>(results[0].Error);
        Assert.All(results, r => Assert.Same(error, r.Error));
        Assert.False(engine.Modules.ContainsKey("failing"));
        Assert.Equal(1, host.Executions("failing"));
        Volatile.Write(ref fail, false);
        var retried = Module(engine.ImportModule("failing"));
        Assert.Equal(true, retried.GetAttributeOrDefault("OK"));
        Assert.Equal(2, host.Executions("failing"));
    }

    /// <summary>A coordination call that fails while an attempt has waiters loses neither the attempt nor its waiters (the coordinator's restart keeps its state and module actors).</summary>
    [Fact]
    public async Task AFailedCoordinationCallDuringAWaitLosesNoWaiter()
    {
        const int chains = 4;
        using var engine = NewEngine();
        using var release = new ManualResetEventSlim();
        var host = new HostModules().Add("held", m =>
        {
            Assert.True(release.Wait(HangDetector));
            m.SetAttribute("DONE", true);
        });
        engine.MetaPath.Insert(0, host);
        var importers = Enumerable.Range(0, chains).Select(_ => Task.Factory.StartNew(() => engine.ImportModule("held"), TaskCreationOptions.LongRunning)).ToArray();
        Assert.True(SpinWait.SpinUntil(() => engine.Statistics.Waits >= chains - 1, HangDetector));
        Assert.ThrowsAny<ArgumentNullException>(() => engine.Modules[null!] = "x");
        release.Set();
        var modules = await Task.WhenAll(importers).WaitAsync(HangDetector);
        Assert.All(modules, m => Assert.Same(modules[0], m));
        Assert.Equal(1, host.Executions("held"));
    }

    /// <summary>
    /// A failing body deep in a chain with waiters at two levels (issue 11, "Faults"): a package
    /// whose <c>__init__</c> imports a submodule whose body raises while sync and async chains wait
    /// for the package. Every chain gets the very exception the submodule raised, neither module
    /// is left in <c>sys.modules</c>, the coordination holds nothing afterwards, and a retry runs
    /// both bodies again and succeeds.
    /// </summary>
    [Fact]
    public async Task AFailingSubmoduleFailsEveryWaiterOfItsPackageSyncAndAsyncAndARetryWorks()
    {
        const int syncChains = 6;
        const int asyncChains = 4;
        using var engine = NewEngine();
        bool fail = true;
        var host = new HostModules()
            .Add("pkg", m => m.SetAttribute("sub", engine.ImportModule("pkg.sub")), isPackage: true)
            .Add("pkg.sub", m =>
            {
                if (Volatile.Read(ref fail))
                {
                    Assert.True(SpinWait.SpinUntil(() => engine.Statistics.Waits >= syncChains + asyncChains - 1, HangDetector));
                    throw new PythonException("ValueError", "the submodule failed");
                }
                m.SetAttribute("OK", true);
            });
        engine.MetaPath.Insert(0, host);
        Task<object?>[] asyncImports = [.. Enumerable.Range(0, asyncChains).Select(_ => Task.Run(() => engine.ImportModuleAsync("pkg")))];
        var results = RunTogether(syncChains, _ => engine.ImportModule("pkg"));
        var errors = results.Select(r => r.Error).ToList();
        foreach (Task<object?> task in asyncImports)
        {
            errors.Add(await Record.ExceptionAsync(() => task.WaitAsync(HangDetector)));
        }
        var error = Assert.IsType<PythonException>(errors[0]);
        Assert.Equal("ValueError", error.TypeName);
        Assert.All(errors, e => Assert.Same(error, e));
        Assert.False(engine.Modules.ContainsKey("pkg"));
        Assert.False(engine.Modules.ContainsKey("pkg.sub"));
        Assert.Equal(1, host.Executions("pkg"));
        Assert.Equal(1, host.Executions("pkg.sub"));
        Reliability.CoordinationProbe.AssertNothingInFlight(engine, HangDetector);

        Volatile.Write(ref fail, false);
        var retried = RunTogether(4, _ => engine.ImportModule("pkg.sub"));
        Assert.All(retried, r => Assert.Same(engine.Modules["pkg.sub"], r.Value));
        Assert.Same(engine.Modules["pkg.sub"], Module(engine.Modules["pkg"]).GetAttributeOrDefault("sub"));
        Assert.Equal(2, host.Executions("pkg"));
        Assert.Equal(2, host.Executions("pkg.sub"));
        Reliability.CoordinationProbe.AssertNothingInFlight(engine, HangDetector);
    }

    /// <summary>
    /// gh-130094: a package whose body stores its submodule in sys.modules itself (as
    /// <c>collections</c> stores <c>collections.abc</c>); a chain importing the submodule while
    /// another initialises the package waits for the package, then finds the stored module,
    /// instead of searching the package's path and raising ModuleNotFoundError (3.11 does).
    /// </summary>
    [Fact]
    public async Task ASubmoduleTheInitialisingParentStoresIsFoundNotMissing()
    {
        using var engine = NewEngine();
        using var release = new ManualResetEventSlim();
        var stored = new ModuleObject("coll._impl");
        var host = new HostModules().Add("coll", m =>
        {
            Assert.True(release.Wait(HangDetector));
            engine.Modules["coll.abc"] = stored;
        }, isPackage: true);
        engine.MetaPath.Insert(0, host);
        Task<object?> owner = Task.Factory.StartNew(() => engine.ImportModule("coll"), TaskCreationOptions.LongRunning);
        Assert.True(SpinWait.SpinUntil(() => engine.Modules.IsInitializing("coll"), HangDetector));
        Task<object?> sync = Task.Factory.StartNew(() => engine.ImportModule("coll.abc"), TaskCreationOptions.LongRunning);
        Task<object?> async = engine.ImportModuleAsync("coll.abc");
        Assert.True(SpinWait.SpinUntil(() => engine.Statistics.Waits >= 2, HangDetector));
        release.Set();
        await owner.WaitAsync(HangDetector);
        Assert.Same(stored, await sync.WaitAsync(HangDetector));
        Assert.Same(stored, await async.WaitAsync(HangDetector));
    }

    [Fact]
    public void AFailingSourceModuleFailsEveryChainAndIsAbsentAfter()
    {
        Tree.Write("broken.py", "import time\ntime.sleep(0.05)\nraise ValueError('broken body')\n");
        using var engine = NewEngine();
        var results = RunTogether(32, _ => engine.ImportModule("broken"));
        Assert.All(results, r => Assert.Equal("broken body", Assert.IsType<PythonException>(r.Error).Message));
        Assert.False(engine.Modules.ContainsKey("broken"));
        Assert.Empty(engine.Modules.Initializing());
    }

    /// <summary>gh-83065: one chain imports p.s.m while p.s's __init__ imports p.s.m in another; repeated to vary the interleaving.</summary>
    [Fact]
    public void ImportingASubmoduleWhileItsPackageImportsItNeverDeadlocks()
    {
        Tree.Write("p/__init__.py").Write("p/s/__init__.py", "import time\ntime.sleep(0.01)\nfrom p.s import m\n")
            .Write("p/s/m.py", "import time\ntime.sleep(0.01)\nimport p.s\nM = 1\n");
        for (int round = 0; round < 10; round++)
        {
            using var engine = NewEngine();
            var results = RunTogether(2, i => i == 0 ? engine.ImportModule("p.s.m") : engine.ImportModule("p.s"));
            Assert.All(results, r => Assert.Null(r.Error));
            Assert.Same(engine.Modules["p.s.m"], Module(engine.Modules["p.s"]).GetAttributeOrDefault("m"));
            Assert.Empty(engine.Modules.Initializing());
        }
    }

    /// <summary>bpo-38095: a cross-chain cycle through import_module hands the partial module over instead of raising.</summary>
    [Fact]
    public void ACrossChainCycleHandsOverThePartialModule()
    {
        using var engine = NewEngine();
        using var bothOwn = new Barrier(2);
        var host = HostModules.CrossChainCycle(engine, bothOwn, HangDetector);
        engine.MetaPath.Insert(0, host);
        var results = RunTogether(2, i => engine.ImportModule(i == 0 ? "cyc_a" : "cyc_b"));
        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Equal(1, engine.Statistics.CrossChainPartials);
        Assert.Same(engine.Modules["cyc_a"], Module(engine.Modules["cyc_b"]).GetAttributeOrDefault("A"));
        Assert.Same(engine.Modules["cyc_b"], Module(engine.Modules["cyc_a"]).GetAttributeOrDefault("B"));
    }

    /// <summary>
    /// test_locks.py's DeadlockAvoidanceTests as imports: chain i owns ring_i, waits until every
    /// chain owns its module, then imports ring_(i+1 mod 10). With 10 chains the waits form a
    /// ring: exactly one chain gets a partial module; with 9 chains there is no cycle.
    /// </summary>
    [Theory]
    [InlineData(10, 1)]
    [InlineData(9, 0)]
    public void ARingOfChainsHandsOverExactlyOnePartialModuleWhenItCloses(int chains, int expectedPartials)
    {
        const int ringSize = 10;
        using var engine = NewEngine();
        using var allOwn = new Barrier(chains);
        var firstModule = new ThreadLocal<string?>();
        var host = new HostModules();
        for (int i = 0; i < ringSize; i++)
        {
            string name = $"ring_{i}";
            string next = $"ring_{(i + 1) % ringSize}";
            host.Add(name, m =>
            {
                if (firstModule.Value != name)
                {
                    return;
                }
                allOwn.SignalAndWait(HangDetector);
                m.SetAttribute("NEXT", engine.ImportModule(next));
            });
        }
        engine.MetaPath.Insert(0, host);
        var results = RunTogether(chains, i =>
        {
            firstModule.Value = $"ring_{i}";
            return engine.ImportModule($"ring_{i}");
        });
        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Equal(expectedPartials, engine.Statistics.CrossChainPartials);
        Assert.Empty(engine.Modules.Initializing());
        firstModule.Dispose();
    }

    /// <summary>gh-149728: whoever sees a submodule ready in sys.modules also finds it bound on its parent.</summary>
    [Fact]
    public void ASubmoduleIsBoundOnItsParentBeforeItIsReady()
    {
        for (int round = 0; round < 20; round++)
        {
            using var engine = NewEngine();
            engine.MetaPath.Insert(0, new HostModules().Add("pkg", _ => { }, isPackage: true).Add("pkg.sub", _ => Thread.Sleep(1)));
            engine.ImportModule("pkg");
            bool unbound = false;
            using var stop = new ManualResetEventSlim();
            var watcher = new Thread(() =>
            {
                while (!stop.IsSet)
                {
                    if (engine.Modules.GetEntry("pkg.sub") is { IsInitializing: false } entry)
                    {
                        unbound = !ReferenceEquals(Module(engine.Modules["pkg"]).GetAttributeOrDefault("sub"), entry.Value);
                        return;
                    }
                }
            });
            watcher.Start();
            engine.ImportModule("pkg.sub");
            stop.Set();
            Assert.True(watcher.Join(HangDetector));
            Assert.False(unbound);
        }
    }

    [Fact]
    public async Task AsyncChainsWaitWithoutBlockingAndGetTheSameModule()
    {
        Tree.Write("slow_async.py", "import time\ntime.sleep(0.05)\n");
        await using var engine = NewEngine();
        var tasks = Enumerable.Range(0, 32).Select(_ => Task.Run(() => engine.ImportModuleAsync("slow_async"))).ToArray();
        var modules = await Task.WhenAll(tasks).WaitAsync(HangDetector);
        Assert.All(modules, m => Assert.Same(modules[0], m));
        Assert.Equal(1, engine.Statistics.BodiesExecuted);
    }

    /// <summary>
    /// A seeded random module graph full of cycles (plain <c>import</c> statements only, so every
    /// import must succeed), imported by 8 chains in different orders: no error, every body runs
    /// once, nothing is left initialising. Each seed is reproducible.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void ChainsImportingARandomCyclicGraphAllSucceed(int seed)
    {
        const int modules = 30;
        var random = new Random(seed);
        for (int i = 0; i < modules; i++)
        {
            var imports = Enumerable.Range(0, 3).Select(_ => random.Next(modules)).Where(j => j != i).Distinct().Select(j => $"import g{seed}_{j}");
            Tree.Write($"g{seed}_{i}.py", "import time\ntime.sleep(0.001)\n" + string.Join("\n", imports) + $"\nNAME = 'g{seed}_{i}'\n");
        }
        using var engine = NewEngine();
        var orders = Enumerable.Range(0, 8).Select(_ => Enumerable.Range(0, modules).OrderBy(_ => random.Next()).ToArray()).ToArray();
        var results = RunTogether(8, t => orders[t].Select(i => engine.ImportModule($"g{seed}_{i}")).ToArray());
        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Equal(modules, engine.Statistics.BodiesExecuted);
        Assert.Empty(engine.Modules.Initializing());
        for (int i = 0; i < modules; i++)
        {
            Assert.Equal($"g{seed}_{i}", Module(engine.Modules[$"g{seed}_{i}"]).GetAttributeOrDefault("NAME"));
        }
    }

    /// <summary>
    /// Many short first imports raced by several chains (sync and async): under the actors'
    /// optimistic claim the owner's closing CAS and the coordinator's contending CAS meet here
    /// often. Every name's body runs once and every chain gets that one module; a body that
    /// always fails fails every chain that imports it and leaves the name absent.
    /// </summary>
    [Fact]
    public void ChainsRacingOnManyShortFirstImportsEachGetTheOneModule()
    {
        const int names = 400;
        const int chains = 6;
        var host = new HostModules();
        for (int i = 0; i < names; i++)
        {
            host.Add($"race{i}", i % 10 == 9 ? _ => throw new InvalidOperationException("fails") : m => m.SetAttribute("X", 1));
        }
        using var engine = NewEngine();
        engine.MetaPath.Insert(0, host);
        var results = RunTogether(chains, t => Enumerable.Range(0, names).Select(i =>
        {
            try
            {
                return t % 2 == 0
                    ? engine.ImportModule($"race{i}")
                    : engine.ImportModuleAsync($"race{i}").GetAwaiter().GetResult();
            }
            catch (InvalidOperationException e)
            {
                return e;
            }
        }).ToArray());
        Assert.All(results, r => Assert.Null(r.Error));
        var perChain = results.Select(r => Assert.IsType<object?[]>(r.Value)).ToArray();
        for (int i = 0; i < names; i++)
        {
            if (i % 10 == 9)
            {
                Assert.All(perChain, values => Assert.IsType<InvalidOperationException>(values[i]));
                Assert.False(engine.Modules.ContainsKey($"race{i}"));
                continue;
            }
            Assert.Equal(1, host.Executions($"race{i}"));
            var first = Module(perChain[0][i]);
            Assert.All(perChain, values => Assert.Same(first, values[i]));
            Assert.Same(first, engine.Modules[$"race{i}"]);
        }
        Assert.Empty(engine.Modules.Initializing());
    }

    [Fact]
    public void ManyChainsImportATreeAndEveryModuleIsInitialisedOnce()
    {
        for (int i = 0; i < 20; i++)
        {
            Tree.Write($"tree/n{i}.py", string.Join("\n", Enumerable.Range(0, 20).Where(j => j != i).Select(j => $"from . import n{j}")) + "\n");
        }
        Tree.Write("tree/__init__.py");
        using var engine = NewEngine();
        var results = RunTogether(8, t => Enumerable.Range(0, 20).Select(i => engine.ImportModule($"tree.n{(i + t) % 20}")).ToArray());
        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Equal(21, engine.Statistics.BodiesExecuted);
        Assert.Empty(engine.Modules.Initializing());
    }
}

public sealed class ActorConcurrencyTests : ConcurrencyTests
{
    protected override CoordinationMode Mode => CoordinationMode.Actors;
}

public sealed class LockConcurrencyTests : ConcurrencyTests
{
    protected override CoordinationMode Mode => CoordinationMode.Locks;
}

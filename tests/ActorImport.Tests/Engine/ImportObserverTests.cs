using ActorImport.Configuration;
using ActorImport.Diagnostics;
using ActorImport.Engine;
using ActorImport.Loading;
using ActorImport.Model;
using ActorImport.Python.Interpreting;
using ActorImport.Tests.Diagnostics;

namespace ActorImport.Tests.Engine;

/// <summary>
/// The engine's event hook (<see cref="ImportEngineOptions.Observer"/>), against both
/// coordinations: imports that find and load are reported start and end with their depth (as
/// CPython's <c>-X importtime</c> nests them: a parent imported for its child inside the child),
/// cache hits, partial modules (same chain and handed over), waits, lazy reifications and failures.
/// </summary>
public abstract class ImportObserverTests : EngineTestBase
{
    private readonly RecordingObserver _observer = new();

    private ImportEngine ObservedEngine() => NewEngine(o => o with { Observer = _observer });

    /// <summary>app imports pkg.sub (whose package imports helper, which imports leaf) and leaf twice.</summary>
    private void WriteSmallTree() => Tree
        .Write("app.py", "import pkg.sub\nimport leaf\nimport leaf\n")
        .Write("pkg/__init__.py", "from . import helper\n")
        .Write("pkg/helper.py", "import leaf\n")
        .Write("pkg/sub.py")
        .Write("leaf.py");

    [Fact]
    public void ImportsAreReportedNestedAsImportTimeNestsThemAndCacheHitsApart()
    {
        WriteSmallTree();
        using ImportEngine engine = ObservedEngine();
        engine.ImportModule("app");
        Assert.Equal(
            ["+app@0", "+pkg.sub@1", "+pkg@2", "+pkg.helper@3", "+leaf@4", "-leaf@4", "-pkg.helper@3", "-pkg@2", "-pkg.sub@1", "-app@0"],
            RecordingObserver.Outline(_observer.Events));
        // One chain did all of it, on this thread.
        Assert.Single(_observer.Events.Select(e => e.Chain).Distinct());
        Assert.All(_observer.Events, e => Assert.Equal(Environment.CurrentManagedThreadId, e.Thread));
        // `import leaf` twice in app: the cache, not a find; `from . import helper` in pkg's own body: the partial pkg.
        Assert.Equal(2, _observer.OfKind(ImportEventKind.CacheHit).Count(e => e.Name == "leaf"));
        Assert.Contains(_observer.OfKind(ImportEventKind.PartialSameChain), e => e.Name == "pkg");
        Assert.Empty(_observer.OfKind(ImportEventKind.WaitStarted));
        // Time runs forward through one chain's events.
        long[] stamps = [.. _observer.Events.Select(e => e.Timestamp)];
        Assert.Equal(stamps.Order(), stamps);
        // A second import of app is a cache hit only.
        int before = _observer.Events.Count;
        engine.ImportModule("app");
        Assert.Equal([ImportEventKind.CacheHit], _observer.Events.Skip(before).Select(e => e.Kind));
    }

    [Fact]
    public async Task TheAsyncEntryPointReportsTheSameImports()
    {
        WriteSmallTree();
        using ImportEngine engine = ObservedEngine();
        await engine.ImportModuleAsync("app");
        Assert.Equal(
            ["+app@0", "+pkg.sub@1", "+pkg@2", "+pkg.helper@3", "+leaf@4", "-leaf@4", "-pkg.helper@3", "-pkg@2", "-pkg.sub@1", "-app@0"],
            RecordingObserver.Outline(_observer.Events));
    }

    [Fact]
    public void FailuresEndTheirImportWithTheErrorAndTheImportsThatRaisedThroughThem()
    {
        Tree.Write("outer.py", "import leaf\nimport bad\n").Write("bad.py", "import leaf\nraise ValueError('bad on purpose')\n").Write("leaf.py");
        using ImportEngine engine = ObservedEngine();
        var error = Assert.Throws<PythonException>(() => engine.ImportModule("outer"));
        Assert.Equal("ValueError", error.TypeName);
        Assert.Equal(["+outer@0", "+leaf@1", "-leaf@1", "+bad@1", "-bad@1!", "-outer@0!"], RecordingObserver.Outline(_observer.Events));
        Assert.All(_observer.OfKind(ImportEventKind.ImportFinished).Where(e => e.Failed), e => Assert.Same(error, e.Error));
        Assert.Throws<ModuleNotFoundError>(() => engine.ImportModule("no_such_module"));
        ImportEvent missing = _observer.Events[^1];
        Assert.Equal((ImportEventKind.ImportFinished, "no_such_module", 0), (missing.Kind, missing.Name, missing.Depth));
        Assert.IsType<ModuleNotFoundError>(missing.Error);
    }

    [Fact]
    public void AChainThatWaitsForAnotherChainsModuleReportsTheWaitAndNoSecondLoad()
    {
        using ImportEngine engine = ObservedEngine();
        var host = new HostModules().Add("contended", m =>
        {
            // The owner finishes only once the other chain waits for it.
            Assert.True(SpinWait.SpinUntil(() => engine.Statistics.Waits >= 1, HangDetector));
        });
        engine.MetaPath.Insert(0, host);
        var results = RunTogether(2, _ => engine.ImportModule("contended"));
        Assert.All(results, r => Assert.Null(r.Error));
        ImportEvent started = Assert.Single(_observer.OfKind(ImportEventKind.WaitStarted));
        ImportEvent ended = Assert.Single(_observer.OfKind(ImportEventKind.WaitEnded));
        Assert.Equal(("contended", started.Chain, false), (ended.Name, ended.Chain, ended.Failed));
        Assert.True(ended.Timestamp >= started.Timestamp);
        // Each chain's own events are balanced starts and ends.
        foreach (var chain in _observer.Events.GroupBy(e => e.Chain))
        {
            string[] outline = RecordingObserver.Outline(chain);
            Assert.Equal(outline.Count(o => o[0] == '+'), outline.Count(o => o[0] == '-'));
        }
    }

    [Fact]
    public void ACrossChainCycleReportsOneHandOver()
    {
        using ImportEngine engine = ObservedEngine();
        using var bothOwn = new Barrier(2);
        var host = HostModules.CrossChainCycle(engine, bothOwn, HangDetector);
        engine.MetaPath.Insert(0, host);
        var results = RunTogether(2, i => engine.ImportModule(i == 0 ? "cyc_a" : "cyc_b"));
        Assert.All(results, r => Assert.Null(r.Error));
        ImportEvent handOver = Assert.Single(_observer.OfKind(ImportEventKind.PartialCrossChain));
        Assert.Equal(engine.Statistics.CrossChainPartials, _observer.OfKind(ImportEventKind.PartialCrossChain).Count());
        Assert.Contains(handOver.Name, new[] { "cyc_a", "cyc_b" });
        Assert.Equal(_observer.OfKind(ImportEventKind.WaitStarted).Count(), _observer.OfKind(ImportEventKind.WaitEnded).Count());
    }

    [Fact]
    public void APep810BindingReportsItsReificationThenItsImport()
    {
        Tree.Write("user.py", "lazy import heavy\nlazy from pkg import sub\n").Write("heavy.py").Write("pkg/__init__.py").Write("pkg/sub.py");
        using ImportEngine engine = ObservedEngine();
        var user = Module(engine.ImportModule("user"));
        Assert.Equal(["+user@0", "-user@0"], RecordingObserver.Outline(_observer.Events));
        int before = _observer.Events.Count;
        Assert.True(LazyImports.TryGetAttribute(user, "heavy", out _));
        Assert.True(LazyImports.TryGetAttribute(user, "sub", out _));
        ImportEvent[] after = [.. _observer.Events.Skip(before)];
        Assert.Equal(
            [(ImportEventKind.LazyReified, "heavy", null), (ImportEventKind.LazyReified, "pkg", "sub")],
            after.Where(e => e.Kind == ImportEventKind.LazyReified).Select(e => (e.Kind, e.Name, e.Detail)));
        // Each reification precedes the import it causes; `from pkg import sub` imports pkg, then
        // the fromlist's pkg.sub beside it (CPython's _handle_fromlist), not inside it.
        Assert.Equal(["+heavy@0", "-heavy@0", "+pkg@0", "-pkg@0", "+pkg.sub@0", "-pkg.sub@0"], RecordingObserver.Outline(after));
        Assert.True(Array.FindIndex(after, e => e.Kind == ImportEventKind.LazyReified) < Array.FindIndex(after, e => e.Kind == ImportEventKind.ImportStarted));
    }

    [Fact]
    public void ALazyLoaderModuleReportsItsReificationOnFirstUseOnly()
    {
        using ImportEngine engine = ObservedEngine();
        var body = new HostModules.Loader(new HostModules(), m => m.SetAttribute("attr", 42L));
        engine.MetaPath.Insert(0, new LazyFinder("lazy_mod", new LazyLoader(body, engine.Modules)));
        var module = Module(engine.ImportModule("lazy_mod"));
        Assert.Empty(_observer.OfKind(ImportEventKind.LazyReified));
        Assert.Equal(42L, module.GetAttributeOrDefault("attr"));
        Assert.Equal(42L, module.GetAttributeOrDefault("attr"));
        ImportEvent reified = Assert.Single(_observer.OfKind(ImportEventKind.LazyReified));
        Assert.Equal("lazy_mod", reified.Name);
    }

    [Fact]
    public void WithoutAnObserverNothingIsReportedAndCombineKeepsThatPath()
    {
        Assert.Null(ImportObservers.Combine());
        Assert.Null(ImportObservers.Combine(null, null));
        Assert.Same(_observer, ImportObservers.Combine(null, _observer));
        WriteSmallTree();
        var second = new RecordingObserver();
        using ImportEngine engine = NewEngine(o => o with { Observer = ImportObservers.Combine(_observer, second) });
        engine.ImportModule("app");
        Assert.Equal(RecordingObserver.Outline(_observer.Events), RecordingObserver.Outline(second.Events));
        Assert.NotEmpty(second.Events);
    }

    /// <summary>A finder of one module whose spec carries the given loader. Immutable.</summary>
    private sealed class LazyFinder(string name, ILoader loader) : IMetaPathFinder, IThreadSafe
    {
        public ModuleSpec? FindSpec(string fullname, IReadOnlyList<string>? path, ModuleObject? target = null) =>
            fullname == name ? ImportUtil.SpecFromLoader(fullname, loader) : null;

        public void InvalidateCaches()
        {
        }
    }
}

public sealed class ActorImportObserverTests : ImportObserverTests
{
    protected override CoordinationMode Mode => CoordinationMode.Actors;
}

public sealed class LockImportObserverTests : ImportObserverTests
{
    protected override CoordinationMode Mode => CoordinationMode.Locks;
}

using ActorImport.Configuration;
using ActorImport.Discovery;
using ActorImport.Engine;
using ActorImport.Model;

namespace ActorImport.Tests.Engine.CPython;

/// <summary>
/// test/test_importlib/import_/test_path.py's FindSpecTests and PathEntryFinderTests (3.11),
/// on an engine's <c>PathFinder</c> and import state (<c>import_state()</c> = empty meta path,
/// path, hooks and cache), against both coordinations. Left out: the ImportWarning of an empty
/// <c>path_hooks</c> (warnings are not modelled), <c>None</c> on <c>sys.path</c> (the path is
/// typed), the deleted-cwd test (it changes the process's directory, which other tests share),
/// and the <c>find_module</c>/<c>find_loader</c> variants.
/// </summary>
public abstract class PathFinderTests : EngineTestBase
{
    private const string ModuleName = "<test module>";
    private const string PathEntry = "<test path>";

    /// <summary><c>import_state()</c>: a fresh engine with empty meta path, path, hooks and cache.</summary>
    private (ImportEngine Engine, PathFinder Finder) ImportState()
    {
        var engine = NewEngine(o => o with { SearchPath = [], IncludeStartupModules = false });
        PathFinder finder = engine.FinderState.PathFinder!;
        engine.MetaPath.Clear();
        engine.PathHooks.Clear();
        engine.PathImporterCache.Clear();
        return (engine, finder);
    }

    /// <summary><c>mock_path_hook(*entries, importer)</c>.</summary>
    private static PathHook MockPathHook(IPathEntryFinder importer, params string[] entries) =>
        entry => entries.Contains(entry) ? importer : throw new ImportError("not mine");

    [Fact]
    public void Failure() => Assert.Null(ImportState().Finder.FindSpec(ModuleName, null));

    [Fact]
    public void SysPathIsUsedWhenPathIsNone()
    {
        var (engine, finder) = ImportState();
        var importer = new MockSpec(ModuleName);
        engine.PathImporterCache.Set(PathEntry, importer);
        engine.Path.SetAll([PathEntry]);
        Assert.Same(importer, finder.FindSpec(ModuleName, null)!.Loader);
    }

    [Fact]
    public void PathIsUsedWhenSet()
    {
        var (engine, finder) = ImportState();
        var importer = new MockSpec(ModuleName);
        engine.PathImporterCache.Set(PathEntry, importer);
        Assert.Same(importer, finder.FindSpec(ModuleName, [PathEntry])!.Loader);
    }

    [Fact]
    public void AnEmptyListIsNotSysPath()
    {
        var (engine, finder) = ImportState();
        engine.PathImporterCache.Set(PathEntry, new MockSpec("module"));
        engine.Path.SetAll([PathEntry]);
        Assert.Null(finder.FindSpec("module", []));
    }

    [Fact]
    public void PathHooksAreUsedAndCached()
    {
        var (engine, finder) = ImportState();
        var importer = new MockSpec(ModuleName);
        engine.PathHooks.SetAll([MockPathHook(importer, PathEntry)]);
        Assert.Same(importer, finder.FindSpec(ModuleName, [PathEntry])!.Loader);
        Assert.True(engine.PathImporterCache.TryGetValue(PathEntry, out IPathEntryFinder? cached));
        Assert.Same(importer, cached);
    }

    [Fact]
    public void NoPathHooksCachesNone()
    {
        var (engine, finder) = ImportState();
        engine.Path.SetAll(["bogus_path"]);
        Assert.Null(finder.FindSpec("os", null));
        Assert.True(engine.PathImporterCache.TryGetValue("bogus_path", out IPathEntryFinder? cached));
        Assert.Null(cached);
    }

    [Fact]
    public void TheEmptyStringIsTheCurrentDirectory()
    {
        var (engine, finder) = ImportState();
        var importer = new MockSpec(ModuleName);
        string cwd = Directory.GetCurrentDirectory();
        engine.Path.SetAll([""]);
        engine.PathHooks.SetAll([MockPathHook(importer, cwd)]);
        Assert.Same(importer, finder.FindSpec(ModuleName, null)!.Loader);
        Assert.True(engine.PathImporterCache.ContainsKey(cwd));
    }

    private sealed class TestFinder(ModuleSpec? spec) : IPathEntryFinder, IThreadSafe
    {
        public bool Called { get; private set; }

        public ModuleSpec? FindSpec(string fullname, ModuleObject? target = null) => spec;

        public void InvalidateCaches() => Called = true;
    }

    [Fact]
    public void FinderWithFindSpec()
    {
        var (engine, finder) = ImportState();
        engine.PathImporterCache.Set("testing path", new TestFinder(null));
        Assert.Null(finder.FindSpec("whatever", ["testing path"]));
        var spec = new ModuleSpec("whatever", new MockSpec());
        engine.PathImporterCache.Set("testing path", new TestFinder(spec));
        Assert.Same(spec, finder.FindSpec("whatever", ["testing path"]));
    }

    [Fact]
    public void InvalidateCachesCallsFindersAndClearsNoneAndRelativeEntries()
    {
        var (engine, finder) = ImportState();
        string key = Path.GetFullPath("finder_to_invalidate");
        var absolute = new TestFinder(null);
        engine.PathImporterCache.Set(key, absolute);
        engine.PathImporterCache.Set("clear_out", null);
        engine.PathImporterCache.Set("relative_path", new TestFinder(null));
        finder.InvalidateCaches();
        Assert.True(absolute.Called);
        Assert.Equal([key], engine.PathImporterCache.Items().Select(i => i.Key));
    }

    /// <summary>PathEntryFinderTests.test_finder_with_failing_find_spec: a hook whose finder finds nothing yields None.</summary>
    [Fact]
    public void FinderWithFailingFindSpec()
    {
        var (engine, finder) = ImportState();
        var failing = new TestFinder(null);
        engine.PathHooks.SetAll([entry => entry == "/bad/path" ? failing : throw new ImportError("no")]);
        engine.Path.SetAll(["/bad/path"]);
        Assert.Null(finder.FindSpec("whatever", null));
    }
}

public sealed class ActorPathFinderTests : PathFinderTests
{
    protected override CoordinationMode Mode => CoordinationMode.Actors;
}

public sealed class LockPathFinderTests : PathFinderTests
{
    protected override CoordinationMode Mode => CoordinationMode.Locks;
}

using ActorImport.Configuration;
using ActorImport.Discovery;
using ActorImport.Engine;
using ActorImport.Loading;
using ActorImport.Model;

namespace ActorImport.Tests.Engine.CPython;

/// <summary>
/// test/test_importlib/test_api.py (3.11) ported: import_module, reload, invalidate_caches and
/// the start-up modules' <c>__loader__</c>/<c>__spec__</c>, against both coordinations.
/// Left out: find_loader (deprecated, removed in 3.12); the frozen-importlib test (no C
/// accelerator here); reloading CPython's own stdlib modules (the engine's tree stands in).
/// </summary>
public abstract class ApiTests : EngineTestBase
{
    // ImportModuleTests

    [Fact]
    public void ModuleImport() => Assert.Equal("top_level", NameOf(Engine(new MockSpec("top_level")).ImportModule("top_level")));

    [Fact]
    public void AbsolutePackageImport() => Assert.Equal("pkg.mod", NameOf(Engine(new MockSpec("pkg.__init__", "pkg.mod")).ImportModule("pkg.mod")));

    [Fact]
    public void ShallowRelativePackageImport()
    {
        var engine = Engine(new MockSpec("pkg.__init__", "pkg.mod"));
        engine.ImportModule("pkg");
        Assert.Equal("pkg.mod", NameOf(engine.ImportModule(".mod", "pkg")));
    }

    [Fact]
    public void DeepRelativePackageImport()
    {
        var engine = Engine(new MockSpec("a.__init__", "a.b.__init__", "a.c"));
        engine.ImportModule("a");
        engine.ImportModule("a.b");
        Assert.Equal("a.c", NameOf(engine.ImportModule("..c", "a.b")));
    }

    [Fact]
    public void AbsoluteImportWithPackage()
    {
        var engine = Engine(new MockSpec("pkg.__init__", "pkg.mod"));
        engine.ImportModule("pkg");
        Assert.Equal("pkg.mod", NameOf(engine.ImportModule("pkg.mod", "pkg")));
    }

    [Fact]
    public void RelativeImportWithoutPackage() =>
        Assert.Equal("TypeError", Assert.Throws<PythonException>(() => NewEngine().ImportModule(".support")).TypeName);

    /// <summary>Issue #13591: the package's body importing the module being imported loads it once.</summary>
    [Fact]
    public void LoadedOnce()
    {
        ImportEngine? engine = null;
        int bLoadCount = 0;
        var mock = new MockSpec(["a.__init__", "a.b"], new()
        {
            ["a"] = _ => engine!.ImportModule("a.b"),
            ["a.b"] = _ => Interlocked.Increment(ref bLoadCount),
        });
        engine = Engine(mock);
        engine.ImportModule("a.b");
        Assert.Equal(1, bLoadCount);
    }

    // ReloadTests

    [Fact]
    public void ReloadOfAReplacedModule()
    {
        ImportEngine? engine = null;
        var mock = new MockSpec(["top_level"], new()
        {
            ["top_level"] = _ =>
            {
                var module = ModuleObject.ModuleType("top_level");
                module.SetAttribute("spam", 3L);
                engine!.Modules["top_level"] = module;
            },
        });
        engine = Engine(mock);
        var module = Module(engine.ImportModule("top_level"));
        var reloaded = Module(engine.Reload(module));
        Assert.Equal(3L, Module(engine.Modules["top_level"]).GetAttributeOrDefault("spam"));
        Assert.Equal(3L, reloaded.GetAttributeOrDefault("spam"));
    }

    [Fact]
    public void ReloadWithTheLoaderMissingOrNoneFindsItAgain()
    {
        Tree.Write("types_like.py", "X = 1\n");
        var engine = NewEngine();
        var module = Module(engine.ImportModule("types_like"));
        var loader = (FileLoader)module.Loader!;
        module.RemoveAttribute("__loader__");
        Assert.Same(module, engine.Reload(module));
        Assert.Same(module, engine.Modules["types_like"]);
        Assert.Equal(loader.Path, ((FileLoader)module.Loader!).Path);
        module.Loader = null;
        engine.InvalidateCaches();
        Assert.Same(module, engine.Reload(module));
        Assert.NotNull(module.Loader);
    }

    private static Dictionary<string, object?> Namespace(ModuleObject module, params string[] without) =>
        module.Items().Where(i => !without.Contains(i.Key)).ToDictionary(i => i.Key, i => i.Value);

    [Fact]
    public void ReloadAfterTheLocationChangedFromModuleToPackage()
    {
        string path = Tree["spam.py"];
        Tree.Write("spam.py");
        var engine = NewEngine();
        engine.InvalidateCaches();
        var module = Module(engine.ImportModule("spam"));
        Assert.Equal(new Dictionary<string, object?>
        {
            ["__name__"] = "spam", ["__package__"] = "", ["__file__"] = path, ["__cached__"] = CachePaths.CacheFromSource(path), ["__doc__"] = null,
        }, Namespace(module, "__loader__", "__spec__"));
        Assert.Equal(path, ((FileLoader)module.Loader!).Path);

        engine.InvalidateCaches();
        string initPath = Tree["spam/__init__.py"];
        Directory.CreateDirectory(Tree["spam"]);
        File.Move(path, initPath);
        var reloaded = Module(engine.Reload(module));
        Assert.Same(module, reloaded);
        var ns = Namespace(reloaded, "__loader__", "__spec__", "__path__");
        Assert.Equal(new Dictionary<string, object?>
        {
            ["__name__"] = "spam", ["__package__"] = "spam", ["__file__"] = initPath, ["__cached__"] = CachePaths.CacheFromSource(initPath), ["__doc__"] = null,
        }, ns);
        Assert.Equal([Tree["spam"]], reloaded.Path!.ToArray());
        Assert.Equal(initPath, ((FileLoader)reloaded.Loader!).Path);
        Assert.Same(reloaded.Spec!.Loader, reloaded.Loader);
    }

    [Fact]
    public void ReloadAfterANamespacePackageBecameARegularOne()
    {
        string badPath = Tree["spam/__init.py"];
        Tree.Write("spam/__init.py", "eggs = None\n");
        var engine = NewEngine();
        var module = Module(engine.ImportModule("spam"));
        Assert.Equal(new Dictionary<string, object?> { ["__name__"] = "spam", ["__package__"] = "spam", ["__doc__"] = null, ["__file__"] = null },
            Namespace(module, "__loader__", "__spec__", "__path__"));
        Assert.Equal([Tree["spam"]], module.Path!.ToArray());
        Assert.NotNull(module.Loader);

        engine.InvalidateCaches();
        string initPath = Tree["spam/__init__.py"];
        File.Move(badPath, initPath);
        var reloaded = Module(engine.Reload(module));
        Assert.Same(module, reloaded);
        Assert.Equal(new Dictionary<string, object?>
        {
            ["__name__"] = "spam", ["__package__"] = "spam", ["__file__"] = initPath, ["__cached__"] = CachePaths.CacheFromSource(initPath), ["__doc__"] = null, ["eggs"] = null,
        }, Namespace(reloaded, "__loader__", "__spec__", "__path__"));
        Assert.Equal(initPath, ((FileLoader)reloaded.Loader!).Path);
    }

    [Fact]
    public void ReloadSubmodule()
    {
        Tree.Write("spam/__init__.py").Write("spam/ham.py");
        var engine = NewEngine();
        var ham = Module(engine.ImportModule("spam.ham"));
        Assert.Same(ham, engine.Reload(ham));
    }

    [Fact]
    public void ReloadOfAModuleWithoutSpecIsModuleNotFoundError()
    {
        var engine = NewEngine();
        engine.Modules["spam"] = ModuleObject.ModuleType("spam");
        var module = Module(engine.ImportModule("spam"));
        Assert.Null(module.Spec);
        Assert.Throws<ModuleNotFoundError>(() => engine.Reload(module));
    }

    // InvalidateCacheTests

    private sealed class InvalidatingNullFinder : IMetaPathFinder, IPathEntryFinder, IThreadSafe
    {
        public bool Called { get; private set; }

        public ModuleSpec? FindSpec(string fullname, IReadOnlyList<string>? path, ModuleObject? target = null) => null;

        public ModuleSpec? FindSpec(string fullname, ModuleObject? target = null) => null;

        public void InvalidateCaches() => Called = true;
    }

    [Fact]
    public void InvalidateCachesCallsMetaPathAndPathEntryFinders()
    {
        var engine = NewEngine();
        var metaFinder = new InvalidatingNullFinder();
        var pathFinder = new InvalidatingNullFinder();
        engine.MetaPath.Insert(0, metaFinder);
        engine.PathImporterCache.Set(Path.GetFullPath("gobledeegook"), pathFinder);
        engine.PathImporterCache.Set("gobbledeegook", null);
        engine.InvalidateCaches();
        Assert.True(metaFinder.Called);
        Assert.True(pathFinder.Called);
    }

    // StartupTests

    [Fact]
    public void EveryStartupModuleHasLoaderAndSpec()
    {
        var engine = NewEngine(o => o with { SearchPath = [Tree.Root] });
        foreach (var (name, value) in engine.Modules)
        {
            var module = Module(value);
            Assert.True(module.HasAttribute("__loader__"), name);
            if (name != "__main__")
            {
                Assert.True(module.HasAttribute("__spec__"), name);
            }
        }
    }
}

public sealed class ActorApiTests : ApiTests
{
    protected override CoordinationMode Mode => CoordinationMode.Actors;
}

public sealed class LockApiTests : ApiTests
{
    protected override CoordinationMode Mode => CoordinationMode.Locks;
}

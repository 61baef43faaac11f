using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Loading;
using ActorImport.Model;
using ActorImport.Python.Parsing;

namespace ActorImport.Tests.Engine;

/// <summary>
/// CPython's test/test_importlib/test_lazy.py (3.11) ported, plus the thread-safety of the
/// first access (gh-114763), against both coordinations.
/// </summary>
public abstract class LazyLoaderTests : EngineTestBase
{
    private const string ModuleName = "lazy_loader_test";
    private const string MutatedName = "changed";

    /// <summary>test_lazy's CollectInit: records its constructor arguments.</summary>
    public sealed class CollectInit(string name, string path) : ILoader
    {
        public object[] Args { get; } = [name, path];

        public ModuleObject? CreateModule(ModuleSpec spec) => null;

        public void ExecModule(ModuleObject module)
        {
        }
    }

    /// <summary>test_lazy's TestingImporter: finder and loader; its body runs through the engine's interpreter.</summary>
    private sealed class TestingImporter(ImportEngine engine, string sourceCode = $"attr = 42; __name__ = '{MutatedName}'") : IMetaPathFinder, ILoader, IThreadSafe
    {
        private int _executions;

        public ModuleObject? Loaded { get; private set; }

        public int Executions => Volatile.Read(ref _executions);

        public Action? BeforeBody { get; init; }

        public ModuleSpec? FindSpec(string fullname, IReadOnlyList<string>? path, ModuleObject? target = null) =>
            fullname == ModuleName ? ImportUtil.SpecFromLoader(fullname, new LazyLoader(this, engine.Modules)) : null;

        public void InvalidateCaches()
        {
        }

        public ModuleObject? CreateModule(ModuleSpec spec) => null;

        public void ExecModule(ModuleObject module)
        {
            Interlocked.Increment(ref _executions);
            BeforeBody?.Invoke();
            engine.Interpreter.Execute(PythonParser.Parse(sourceCode, "<string>"), module);
            Loaded = module;
        }
    }

    /// <summary>test_lazy's new_module: a module made lazy by hand, not yet loaded.</summary>
    private (ModuleObject Module, TestingImporter Loader) NewModule(ImportEngine engine)
    {
        var loader = new TestingImporter(engine);
        ModuleSpec spec = ImportUtil.SpecFromLoader(ModuleName, new LazyLoader(loader, engine.Modules))!;
        ModuleObject module = spec.Loader!.CreateModule(spec) ?? ModuleObject.ModuleType(ModuleName);
        module.Spec = spec;
        module.Loader = spec.Loader;
        spec.Loader.ExecModule(module);
        Assert.Null(loader.Loaded);
        return (module, loader);
    }

    [Fact]
    public void FactoryPassesArgumentsThrough()
    {
        var factory = LazyLoader.Factory(typeof(CollectInit));
        LazyLoader lazy = factory(["module name", "module path"]);
        Assert.Equal(new object[] { "module name", "module path" }, ((CollectInit)lazy.Loader).Args);
    }

    [Fact]
    public void FactoryAndConstructorRejectWhatIsNotALoader()
    {
        Assert.Equal("TypeError", Assert.Throws<PythonException>(() => LazyLoader.Factory(typeof(object))).TypeName);
        Assert.Equal("loader must define exec_module()", Assert.Throws<PythonException>(() => new LazyLoader(new object())).Message);
    }

    [Fact]
    public void ImportDoesNotExecuteTheFirstAccessDoes()
    {
        using var engine = NewEngine();
        var importer = new TestingImporter(engine);
        engine.MetaPath.SetAll([importer]);
        var module = Module(engine.ImportModule(ModuleName));
        Assert.Null(importer.Loaded);
        Assert.Same(importer, module.Loader);
        Assert.Same(module, importer.Loaded);
    }

    [Fact]
    public void AttributeChangedOnlyByTheBodyIsNotReverted()
    {
        using var engine = NewEngine();
        var (module, _) = NewModule(engine);
        Assert.Equal(MutatedName, module.GetAttributeOrDefault("__name__"));
    }

    [Fact]
    public void ChangesMadeBeforeTheLoadPersist()
    {
        using var engine = NewEngine();
        var (newAttr, _) = NewModule(engine);
        newAttr.SetAttribute("new_attr", 42L);
        Assert.Equal(42L, newAttr.GetAttributeOrDefault("new_attr"));
        var (preexisting, _) = NewModule(engine);
        preexisting.SetAttribute("__name__", "bogus");
        Assert.Equal("bogus", preexisting.GetAttributeOrDefault("__name__"));
        var (mutated, _) = NewModule(engine);
        mutated.SetAttribute("attr", 6L);
        Assert.Equal(6L, mutated.GetAttributeOrDefault("attr"));
    }

    [Fact]
    public void DeletesLoadFirstAndStayDeleted()
    {
        using var engine = NewEngine();
        var (eventual, _) = NewModule(engine);
        Assert.True(eventual.RemoveAttribute("attr"));
        Assert.False(eventual.HasAttribute("attr"));
        var (preexisting, _) = NewModule(engine);
        Assert.True(preexisting.RemoveAttribute("__name__"));
        Assert.False(preexisting.HasAttribute("__name__"));
    }

    [Fact]
    public void SubstitutionInSysModulesIsAValueError()
    {
        using var engine = NewEngine();
        engine.Modules[ModuleName] = ModuleObject.ModuleType(ModuleName);
        var (module, _) = NewModule(engine);
        var error = Assert.Throws<PythonException>(() => module.GetAttributeOrDefault("__name__"));
        Assert.Equal("ValueError", error.TypeName);
        Assert.Contains("substituted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameModuleInSysModulesIsFine()
    {
        using var engine = NewEngine();
        var (module, _) = NewModule(engine);
        engine.Modules[ModuleName] = module;
        Assert.Equal(MutatedName, module.GetAttributeOrDefault("__name__"));
    }

    /// <summary>gh-114763: 32 threads touch the module at once; the body runs once and nobody sees it half-loaded.</summary>
    [Fact]
    public void FirstAccessFromThirtyTwoThreadsExecutesOnce()
    {
        using var engine = NewEngine();
        var importer = new TestingImporter(engine, "import time\ntime.sleep(0.05)\nattr = 42\nlast = 'set last'\n");
        engine.MetaPath.Insert(0, importer);
        var module = Module(engine.ImportModule(ModuleName));
        var seen = new object?[32];
        Parallel.For(0, seen.Length, new ParallelOptions { MaxDegreeOfParallelism = seen.Length }, i => seen[i] = module.GetAttributeOrDefault("last"));
        Assert.Equal(1, importer.Executions);
        Assert.All(seen, value => Assert.Equal("set last", value));
        Assert.Equal(42L, module.GetAttributeOrDefault("attr"));
    }

    [Fact]
    public void ASecondImportForcesTheLoadAsCPythonsFastPathDoes()
    {
        using var engine = NewEngine();
        var importer = new TestingImporter(engine);
        engine.MetaPath.Insert(0, importer);
        var module = engine.ImportModule(ModuleName);
        Assert.Equal(0, importer.Executions);
        Assert.Same(module, engine.ImportModule(ModuleName));
        Assert.Equal(1, importer.Executions);
    }
}

public sealed class ActorLazyLoaderTests : LazyLoaderTests
{
    protected override CoordinationMode Mode => CoordinationMode.Actors;
}

public sealed class LockLazyLoaderTests : LazyLoaderTests
{
    protected override CoordinationMode Mode => CoordinationMode.Locks;
}

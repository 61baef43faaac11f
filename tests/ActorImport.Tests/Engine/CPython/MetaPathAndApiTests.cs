using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Model;

namespace ActorImport.Tests.Engine.CPython;

/// <summary>
/// test/test_importlib/import_/test_meta_path.py, test___loader__.py and test_api.py (3.11),
/// ported (PEP 451 variants; the PEP 302 find_module/load_module variants have no .NET
/// counterpart), against both coordinations. Left out: the ImportWarning for an empty
/// meta path (warnings are not modelled); <c>__import__(42)</c> (the name is a string by type).
/// </summary>
public abstract class MetaPathAndApiTests : EngineTestBase
{
    private const string PkgName = "fine";
    private const string SubmodName = "fine.bogus";

    /// <summary>A finder that logs its calls (log_finder).</summary>
    private sealed class LoggingFinder(IMetaPathFinder inner) : IMetaPathFinder, IThreadSafe
    {
        public List<(string Name, IReadOnlyList<string>? Path)> Log { get; } = [];

        public ModuleSpec? FindSpec(string fullname, IReadOnlyList<string>? path, ModuleObject? target = null)
        {
            lock (Log)
            {
                Log.Add((fullname, path));
            }
            return inner.FindSpec(fullname, path, target);
        }

        public void InvalidateCaches() => inner.InvalidateCaches();
    }

    /// <summary>BadSpecFinderLoader: finds only fine.bogus, whose execution raises ImportError.</summary>
    private sealed class BadSpecFinderLoader : IMetaPathFinder, ILoader, IThreadSafe
    {
        public ModuleSpec? FindSpec(string fullname, IReadOnlyList<string>? path, ModuleObject? target = null) =>
            fullname == SubmodName ? new ModuleSpec(fullname, this) : null;

        public void InvalidateCaches()
        {
        }

        public ModuleObject? CreateModule(ModuleSpec spec) => null;

        public void ExecModule(ModuleObject module)
        {
            if (module.Name == SubmodName)
            {
                throw new ImportError("I cannot be loaded!");
            }
        }
    }

    /// <summary>SpecLoaderMock: finds everything, runs nothing.</summary>
    private sealed class SpecLoaderMock : IMetaPathFinder, ILoader, IThreadSafe
    {
        public ModuleSpec? FindSpec(string fullname, IReadOnlyList<string>? path, ModuleObject? target = null) => new(fullname, this);

        public void InvalidateCaches()
        {
        }

        public ModuleObject? CreateModule(ModuleSpec spec) => null;

        public void ExecModule(ModuleObject module)
        {
        }
    }

    [Fact]
    public void FirstFinderIsCalledFirst()
    {
        var first = new MockSpec("top_level");
        var second = new MockSpec("top_level");
        var engine = NewEngine();
        engine.MetaPath.SetAll([first, second]);
        Assert.Same(first["top_level"], engine.ImportName("top_level"));
    }

    [Fact]
    public void FindersAreAskedUntilOneAnswers()
    {
        var first = new MockSpec("nonexistent");
        var second = new MockSpec("for_real");
        var engine = NewEngine();
        engine.MetaPath.SetAll([first, second]);
        Assert.Same(second["for_real"], engine.ImportName("for_real"));
    }

    [Fact]
    public void EmptyMetaPathFindsNothing()
    {
        var engine = NewEngine();
        engine.MetaPath.Clear();
        Assert.Null(engine.FindSpec("nothing"));
    }

    [Fact]
    public void TopLevelModulesAreFoundWithNoPath()
    {
        var finder = new LoggingFinder(new MockSpec("top_level"));
        var engine = NewEngine();
        engine.MetaPath.SetAll([finder]);
        engine.ImportName("top_level");
        var call = Assert.Single(finder.Log);
        Assert.Equal("top_level", call.Name);
        Assert.Null(call.Path);
    }

    [Fact]
    public void SubmodulesAreFoundWithTheParentsPathObject()
    {
        var mock = new MockSpec("pkg.__init__", "pkg.module");
        var path = new List<string> { "42" };
        mock["pkg"].Path = path;
        var finder = new LoggingFinder(mock);
        var engine = NewEngine();
        engine.MetaPath.SetAll([finder]);
        engine.ImportName("pkg.module");
        Assert.Equal(2, finder.Log.Count);
        Assert.Equal("pkg.module", finder.Log[1].Name);
        Assert.Same(path, finder.Log[1].Path);
    }

    [Fact]
    public void DunderLoaderIsTheSpecsLoader()
    {
        var loader = new SpecLoaderMock();
        var engine = NewEngine();
        engine.MetaPath.SetAll([loader]);
        Assert.Same(loader, Module(engine.ImportName("blah")).Loader);
    }

    [Fact]
    public void NegativeLevelIsAValueError()
    {
        var error = Assert.Throws<PythonException>(() => NewEngine().ImportName("os", new ModuleObject("__main__"), null, -1));
        Assert.Equal(("ValueError", "level must be >= 0"), (error.TypeName, error.Message));
    }

    private ImportEngine EngineWithFine(List<string> path)
    {
        var engine = NewEngine();
        engine.MetaPath.SetAll([new BadSpecFinderLoader()]);
        var mod = ModuleObject.ModuleType(PkgName);
        mod.Path = path;
        engine.Modules[PkgName] = mod;
        return engine;
    }

    [Fact]
    public void NonexistentFromlistEntryIsIgnored() =>
        EngineWithFine(["XXX"]).ImportName(PkgName, fromlist: ["not here"]);

    [Fact]
    public void FromlistLoadErrorPropagates() =>
        Assert.ThrowsAny<ImportError>(() => EngineWithFine(["XXX"]).ImportName(PkgName, fromlist: ["bogus"]));

    [Fact]
    public void BlockedFromlistPropagatesModuleNotFoundError()
    {
        var engine = EngineWithFine([]);
        engine.Modules[SubmodName] = null;
        Assert.Equal(SubmodName, Assert.Throws<ModuleNotFoundError>(() => engine.ImportName(PkgName, fromlist: ["bogus"])).Name);
    }

    [Fact]
    public void MissingModuleIsModuleNotFoundError() =>
        Assert.Throws<ModuleNotFoundError>(() => NewEngine().ImportModule("some module that does not exist"));
}

public sealed class ActorMetaPathAndApiTests : MetaPathAndApiTests
{
    protected override CoordinationMode Mode => CoordinationMode.Actors;
}

public sealed class LockMetaPathAndApiTests : MetaPathAndApiTests
{
    protected override CoordinationMode Mode => CoordinationMode.Locks;
}

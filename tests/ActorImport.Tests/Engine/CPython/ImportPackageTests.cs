using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Model;

namespace ActorImport.Tests.Engine.CPython;

/// <summary>
/// test/test_importlib/import_/test_packages.py, test_fromlist.py and test_caching.py (3.11),
/// ported to the engine's <c>__import__</c> (<see cref="ImportEngine.ImportName"/>), against
/// both coordinations. Left out: fromlist items that are not str (bytes) — the .NET signature
/// takes strings; load_module-era (PEP 302) variants.
/// </summary>
public abstract class ImportPackageTests : EngineTestBase
{
    // test_packages.ParentModuleTests

    [Fact]
    public void ImportParent()
    {
        var engine = Engine(new MockSpec("pkg.__init__", "pkg.module"));
        engine.ImportName("pkg.module");
        Assert.True(engine.Modules.ContainsKey("pkg"));
    }

    [Fact]
    public void BadParent()
    {
        var engine = Engine(new MockSpec("pkg.module"));
        var error = Assert.ThrowsAny<ImportError>(() => engine.ImportName("pkg.module"));
        Assert.Equal("pkg", error.Name);
    }

    [Fact]
    public void RaisingParentAfterImportingChild()
    {
        ImportEngine? engine = null;
        var mock = new MockSpec(["pkg.__init__", "pkg.module"], new()
        {
            ["pkg"] = _ =>
            {
                engine!.ImportName("pkg.module");
                throw new PythonException("ZeroDivisionError", "division by zero");
            },
        });
        engine = Engine(mock);
        Assert.Equal("ZeroDivisionError", Assert.Throws<PythonException>(() => engine.ImportName("pkg")).TypeName);
        Assert.False(engine.Modules.ContainsKey("pkg"));
        Assert.True(engine.Modules.ContainsKey("pkg.module"));
        Assert.Equal("ZeroDivisionError", Assert.Throws<PythonException>(() => engine.ImportName("pkg.module")).TypeName);
        Assert.False(engine.Modules.ContainsKey("pkg"));
        Assert.True(engine.Modules.ContainsKey("pkg.module"));
    }

    [Fact]
    public void RaisingParentAfterRelativeImportingChild()
    {
        ImportEngine? engine = null;
        var mock = new MockSpec(["pkg.__init__", "pkg.module"], new()
        {
            ["pkg"] = m =>
            {
                engine!.ImportName("", m, ["module"], 1);
                throw new PythonException("ZeroDivisionError", "division by zero");
            },
        });
        engine = Engine(mock);
        Assert.ThrowsAny<PythonException>(() => engine.ImportName("pkg"));
        Assert.False(engine.Modules.ContainsKey("pkg"));
        Assert.ThrowsAny<PythonException>(() => engine.ImportName("pkg.module"));
        Assert.False(engine.Modules.ContainsKey("pkg"));
    }

    [Fact]
    public void ModuleNotPackage()
    {
        var engine = NewEngine();
        var error = Assert.ThrowsAny<ImportError>(() => engine.ImportName("sys.no_submodules_here"));
        Assert.Equal("sys.no_submodules_here", error.Name);
    }

    [Fact]
    public void ModuleNotPackageButSideEffects()
    {
        ImportEngine? engine = null;
        var mock = new MockSpec(["mod"], new() { ["mod"] = _ => engine!.Modules["mod.b"] = "total bunk" });
        engine = Engine(mock);
        engine.ImportName("mod.b");
        Assert.Equal("total bunk", engine.Modules["mod.b"]);
    }

    // test_fromlist.ReturnValue and HandlingFromlist

    [Fact]
    public void ReturnFromImportAndFromFromImport()
    {
        var engine = Engine(new MockSpec("pkg.__init__", "pkg.module"));
        Assert.Equal("pkg", NameOf(engine.ImportName("pkg.module")));
        Assert.Equal("pkg.module", NameOf(engine.ImportName("pkg.module", fromlist: ["attr"])));
    }

    [Fact]
    public void ObjectAndNonexistentObject()
    {
        var engine = Engine(new MockSpec("module"));
        Assert.Equal("module", NameOf(engine.ImportName("module", fromlist: ["attr"])));
        var module = Module(engine.ImportName("module", fromlist: ["non_existent"]));
        Assert.False(module.HasAttribute("non_existent"));
    }

    [Fact]
    public void ModuleFromPackage()
    {
        var engine = Engine(new MockSpec("pkg.__init__", "pkg.module"));
        var module = Module(engine.ImportName("pkg", fromlist: ["module"]));
        Assert.Equal("pkg", module.Name);
        Assert.Equal("pkg.module", NameOf(module.GetAttributeOrDefault("module")));
    }

    [Fact]
    public void NonexistentFromPackage()
    {
        var engine = Engine(new MockSpec("pkg.__init__"));
        var module = Module(engine.ImportName("pkg", fromlist: ["non_existent"]));
        Assert.False(module.HasAttribute("non_existent"));
    }

    [Fact]
    public void ModuleFromPackageTriggersModuleNotFoundError()
    {
        ImportEngine? engine = null;
        var mock = new MockSpec(["pkg.__init__", "pkg.mod"], new() { ["pkg.mod"] = _ => engine!.ImportName("i_do_not_exist") });
        engine = Engine(mock);
        var error = Assert.Throws<ModuleNotFoundError>(() => engine.ImportName("pkg", fromlist: ["mod"]));
        Assert.Equal("i_do_not_exist", error.Name);
    }

    [Fact]
    public void EmptyString()
    {
        var engine = Engine(new MockSpec("pkg.__init__", "pkg.mod"));
        Assert.Equal("pkg.mod", NameOf(engine.ImportName("pkg.mod", fromlist: [""])));
    }

    [Fact]
    public void UsingStar()
    {
        var mock = new MockSpec("pkg.__init__", "pkg.module");
        var engine = Engine(mock);
        mock["pkg"].SetAttribute("__all__", new List<object?> { "module" });
        var module = Module(engine.ImportName("pkg", fromlist: ["*"]));
        Assert.Equal("pkg.module", NameOf(module.GetAttributeOrDefault("module")));
    }

    [Fact]
    public void StarWithOthers()
    {
        var mock = new MockSpec("pkg.__init__", "pkg.module1", "pkg.module2");
        var engine = Engine(mock);
        mock["pkg"].SetAttribute("__all__", new List<object?> { "module1" });
        var module = Module(engine.ImportName("pkg", fromlist: ["module2", "*"]));
        Assert.Equal("pkg.module1", NameOf(module.GetAttributeOrDefault("module1")));
        Assert.Equal("pkg.module2", NameOf(module.GetAttributeOrDefault("module2")));
    }

    [Fact]
    public void NonexistentInAllAndStarInAll()
    {
        var mock = new MockSpec("pkg.__init__");
        var engine = Engine(mock);
        mock["pkg"].SetAttribute("__all__", new List<object?> { "non_existent", "*" });
        var module = Module(engine.ImportName("pkg", fromlist: ["*"]));
        Assert.False(module.HasAttribute("non_existent"));
        Assert.False(module.HasAttribute("*"));
    }

    [Fact]
    public void InvalidTypeInAll()
    {
        var mock = new MockSpec("pkg.__init__");
        var engine = Engine(mock);
        mock["pkg"].SetAttribute("__all__", new List<object?> { 42L });
        var error = Assert.Throws<PythonException>(() => engine.ImportName("pkg", fromlist: ["*"]));
        Assert.Equal("TypeError", error.TypeName);
        Assert.Contains("pkg.__all__", error.Message, StringComparison.Ordinal);
    }

    // test_caching.UseCache

    [Fact]
    public void UsingCache()
    {
        var engine = NewEngine();
        const string moduleToUse = "some module found!";
        engine.Modules["some_module"] = moduleToUse;
        Assert.Same(moduleToUse, engine.ImportName("some_module"));
    }

    [Fact]
    public void NoneInCache()
    {
        var engine = NewEngine();
        engine.Modules["using_None"] = null;
        Assert.Equal("using_None", Assert.ThrowsAny<ImportError>(() => engine.ImportName("using_None")).Name);
    }

    [Fact]
    public void UsingCacheAfterLoaderAndForAttributeAndFromlist()
    {
        var engine = Engine(new MockSpec("pkg.__init__", "pkg.module", "module"));
        var module = engine.ImportName("module");
        Assert.Same(engine.Modules["module"], module);
        var pkg = Module(engine.ImportName("pkg.module"));
        Assert.Same(engine.Modules["pkg.module"], pkg.GetAttributeOrDefault("module"));
        Assert.Same(engine.Modules["pkg.module"], Module(engine.ImportName("pkg", fromlist: ["module"])).GetAttributeOrDefault("module"));
    }
}

public sealed class ActorImportPackageTests : ImportPackageTests
{
    protected override CoordinationMode Mode => CoordinationMode.Actors;
}

public sealed class LockImportPackageTests : ImportPackageTests
{
    protected override CoordinationMode Mode => CoordinationMode.Locks;
}

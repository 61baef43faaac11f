using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Model;

namespace ActorImport.Tests.Engine.CPython;

/// <summary>
/// test/test_importlib/import_/test_relative_imports.py and test___package__.py (3.11), ported
/// to <see cref="ImportEngine.ImportName"/> with globals given as module namespaces, against
/// both coordinations. Left out: the ImportWarning checks (warnings are not modelled).
/// </summary>
public abstract class RelativeImportTests : EngineTestBase
{
    /// <summary>relative_import_test: each globals variant runs on a fresh engine (uncache).</summary>
    private void RelativeImportTest(string[] create, ModuleObject[] globalsVariants, Action<ImportEngine, ModuleObject> callback)
    {
        foreach (ModuleObject globals in globalsVariants)
        {
            var engine = NewEngine();
            new MockSpec(create).InstallOn(engine);
            callback(engine, globals);
        }
    }

    [Fact]
    public void ModuleFromModule() => RelativeImportTest(["pkg.__init__", "pkg.mod2"], [Globals.Of(("__package__", "pkg")), Globals.Of(("__name__", "pkg.mod1"))], (engine, g) =>
    {
        engine.ImportName("pkg");
        var module = Module(engine.ImportName("", g, ["mod2"], 1));
        Assert.Equal("pkg", module.Name);
        Assert.Equal("pkg.mod2", Module(module.GetAttributeOrDefault("mod2")).GetAttributeOrDefault("attr"));
    });

    [Fact]
    public void AttrFromModule() => RelativeImportTest(["pkg.__init__", "pkg.mod2"], [Globals.Of(("__package__", "pkg")), Globals.Of(("__name__", "pkg.mod1"))], (engine, g) =>
    {
        engine.ImportName("pkg");
        var module = Module(engine.ImportName("mod2", g, ["attr"], 1));
        Assert.Equal("pkg.mod2", module.Name);
        Assert.Equal("pkg.mod2", module.GetAttributeOrDefault("attr"));
    });

    [Fact]
    public void PackageToModule() => RelativeImportTest(["pkg.__init__", "pkg.module"], [Globals.Of(("__package__", "pkg")), Globals.Of(("__name__", "pkg"), ("__path__", new List<string> { "blah" }))], (engine, g) =>
    {
        engine.ImportName("pkg");
        var module = Module(engine.ImportName("", g, ["module"], 1));
        Assert.Equal("pkg", module.Name);
        Assert.Equal("pkg.module", Module(module.GetAttributeOrDefault("module")).GetAttributeOrDefault("attr"));
    });

    [Fact]
    public void ModuleToPackage() => RelativeImportTest(["pkg.__init__", "pkg.module"], [Globals.Of(("__package__", "pkg")), Globals.Of(("__name__", "pkg.module"))], (engine, g) =>
    {
        engine.ImportName("pkg");
        Assert.Equal("pkg", NameOf(engine.ImportName("", g, ["attr"], 1)));
    });

    [Fact]
    public void PackageToPackage() => RelativeImportTest(["pkg.__init__", "pkg.subpkg1.__init__", "pkg.subpkg2.__init__"], [Globals.Of(("__package__", "pkg.subpkg1")), Globals.Of(("__name__", "pkg.subpkg1"), ("__path__", new List<string> { "blah" }))], (engine, g) =>
    {
        var module = Module(engine.ImportName("", g, ["subpkg2"], 2));
        Assert.Equal("pkg", module.Name);
        Assert.Equal("pkg.subpkg2.__init__", Module(module.GetAttributeOrDefault("subpkg2")).GetAttributeOrDefault("attr"));
    });

    [Fact]
    public void DeepImport()
    {
        var create = new List<string> { "pkg.__init__" };
        for (int count = 1; count < 6; count++)
        {
            create.Add($"{create[^1][..^".__init__".Length]}.pkg{count}.__init__");
        }
        const string deepest = "pkg.pkg1.pkg2.pkg3.pkg4.pkg5";
        RelativeImportTest([.. create], [Globals.Of(("__package__", deepest)), Globals.Of(("__name__", deepest), ("__path__", new List<string> { "blah" }))], (engine, g) =>
        {
            engine.ImportName(deepest);
            Assert.Equal("pkg", NameOf(engine.ImportName("", g, ["attr"], 6)));
        });
    }

    [Fact]
    public void TooHighFromPackageAndFromModule()
    {
        RelativeImportTest(["top_level", "pkg.__init__"], [Globals.Of(("__package__", "pkg")), Globals.Of(("__name__", "pkg"), ("__path__", new List<string> { "blah" }))], (engine, g) =>
        {
            engine.ImportName("pkg");
            Assert.ThrowsAny<ImportError>(() => engine.ImportName("", g, ["top_level"], 2));
        });
        RelativeImportTest(["top_level", "pkg.__init__", "pkg.module"], [Globals.Of(("__package__", "pkg")), Globals.Of(("__name__", "pkg.module"))], (engine, g) =>
        {
            engine.ImportName("pkg");
            Assert.ThrowsAny<ImportError>(() => engine.ImportName("", g, ["top_level"], 2));
        });
    }

    [Fact]
    public void EmptyNameWithLevelZero() =>
        Assert.Equal("ValueError", Assert.Throws<PythonException>(() => NewEngine().ImportName("")).TypeName);

    [Fact]
    public void ImportFromDifferentPackage() => RelativeImportTest(
        ["__runpy_pkg__.__init__", "__runpy_pkg__.__runpy_pkg__.__init__", "__runpy_pkg__.uncle.__init__", "__runpy_pkg__.uncle.cousin.__init__", "__runpy_pkg__.uncle.cousin.nephew"],
        [Globals.Of(("__package__", "__runpy_pkg__.__runpy_pkg__"))], (engine, g) =>
        {
            engine.ImportName("__runpy_pkg__.__runpy_pkg__");
            Assert.Equal("__runpy_pkg__.uncle.cousin", NameOf(engine.ImportName("uncle.cousin", g, ["nephew"], 2)));
        });

    [Fact]
    public void RelativeImportNoFromlist() => RelativeImportTest(["crash.__init__", "crash.mod"], [Globals.Of(("__package__", "crash"), ("__name__", "crash"))], (engine, g) =>
    {
        engine.ImportName("crash");
        Assert.Equal("crash.mod", NameOf(engine.ImportName("mod", g, [], 1)));
    });

    [Fact]
    public void RelativeImportNoGlobalsAndNoPackage()
    {
        var engine = NewEngine();
        Assert.Equal("KeyError", Assert.Throws<PythonException>(() => engine.ImportName("sys", null, null, 1)).TypeName);
        Assert.ThrowsAny<ImportError>(() => engine.ImportName("a", Globals.Of(("__package__", ""), ("__spec__", null)), null, 1));
        Assert.ThrowsAny<ImportError>(() => engine.ImportName("sys", Globals.Of(("__package__", ""), ("__spec__", null)), null, 1));
    }

    // test___package__.Using__package__ (PEP 451 variant) and Setting__package__

    private ModuleObject ImportWithGlobals(ModuleObject globals)
    {
        var engine = NewEngine();
        new MockSpec("pkg.__init__", "pkg.fake").InstallOn(engine);
        engine.ImportName("pkg.fake");
        return Module(engine.ImportName("", globals, ["attr"], 2));
    }

    [Fact]
    public void UsingDunderPackageNameAndSpec()
    {
        Assert.Equal("pkg", ImportWithGlobals(Globals.Of(("__package__", "pkg.fake"))).Name);
        Assert.Equal("pkg", ImportWithGlobals(Globals.Of(("__name__", "pkg.fake"), ("__path__", new List<string>()))).Name);
        Assert.Equal("pkg", ImportWithGlobals(Globals.Of(("__name__", "pkg.fake"), ("__path__", new List<string>()), ("__package__", null))).Name);
        Assert.Equal("pkg", ImportWithGlobals(Globals.Of(("__spec__", new ModuleSpec("pkg.fake", null, isPackage: true)))).Name);
    }

    [Fact]
    public void BadAndBunkDunderPackage()
    {
        var engine = NewEngine();
        Assert.Throws<ModuleNotFoundError>(() => engine.ImportName("", Globals.Of(("__package__", "<not real>")), ["relimport"], 1));
        Assert.Equal("TypeError", Assert.Throws<PythonException>(() => engine.ImportName("", Globals.Of(("__package__", 42L)), ["relimport"], 1)).TypeName);
    }

    [Fact]
    public void SettingDunderPackage()
    {
        var mock = new MockSpec("top_level", "pkg.__init__", "pkg.mod");
        var engine = NewEngine();
        mock.InstallOn(engine);
        mock["top_level"].RemoveAttribute("__package__");
        mock["pkg"].RemoveAttribute("__package__");
        mock["pkg.mod"].RemoveAttribute("__package__");
        Assert.Equal("", Module(engine.ImportName("top_level")).Package);
        Assert.Equal("pkg", Module(engine.ImportName("pkg")).Package);
        Assert.Equal("pkg", Module(Module(engine.ImportName("pkg.mod")).GetAttributeOrDefault("mod")).Package);
    }
}

public sealed class ActorRelativeImportTests : RelativeImportTests
{
    protected override CoordinationMode Mode => CoordinationMode.Actors;
}

public sealed class LockRelativeImportTests : RelativeImportTests
{
    protected override CoordinationMode Mode => CoordinationMode.Locks;
}

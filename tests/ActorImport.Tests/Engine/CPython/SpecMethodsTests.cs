using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Loading;
using ActorImport.Model;

namespace ActorImport.Tests.Engine.CPython;

/// <summary>
/// test/test_importlib/test_spec.py's ModuleSpecMethodsTests (3.11): <c>_bootstrap._exec</c>
/// (<see cref="ImportEngine.Exec"/>) and <c>_bootstrap._load</c> (<see cref="ImportEngine.Load"/>),
/// against both coordinations. The legacy <c>load_module</c> variants have no counterpart; the
/// rest of test_spec.py (ModuleSpec, factories, reprs) is covered under tests/…/Model.
/// </summary>
public abstract class SpecMethodsTests : EngineTestBase
{
    private const string Name = "spam";

    /// <summary>NewLoader: <c>exec_module</c> sets <c>eggs = 1</c>.</summary>
    private sealed class NewLoader : ILoader
    {
        public ModuleObject? CreateModule(ModuleSpec spec) => null;

        public void ExecModule(ModuleObject module) => module.SetAttribute("eggs", 1L);
    }

    /// <summary>A loader whose <c>exec_module</c> is <paramref name="exec"/>.</summary>
    private sealed class DelegateLoader(Action<ModuleObject> exec) : ILoader
    {
        public ModuleObject? CreateModule(ModuleSpec spec) => null;

        public void ExecModule(ModuleObject module) => exec(module);
    }

    [Fact]
    public void ExecRunsTheLoaderInTheModule()
    {
        var engine = NewEngine();
        var spec = new ModuleSpec(Name, new NewLoader());
        var module = ImportUtil.ModuleFromSpec(spec);
        engine.Modules[Name] = module;
        Assert.False(module.HasAttribute("eggs"));
        engine.Exec(spec, module);
        Assert.Equal(1L, module.GetAttributeOrDefault("eggs"));
    }

    [Fact]
    public void LoadInstallsTheModule()
    {
        var engine = NewEngine();
        var loaded = Module(engine.Load(new ModuleSpec(Name, new NewLoader())));
        Assert.Equal(1L, loaded.GetAttributeOrDefault("eggs"));
        Assert.Same(loaded, engine.Modules[Name]);
    }

    [Fact]
    public void LoadReturnsAReplacement()
    {
        var engine = NewEngine();
        var replacement = new object();
        var loaded = engine.Load(new ModuleSpec(Name, new DelegateLoader(m => engine.Modules[m.Name] = replacement)));
        Assert.Same(replacement, loaded);
        Assert.Same(replacement, engine.Modules[Name]);
    }

    [Fact]
    public void AFailedLoadLeavesNothingInstalled()
    {
        var engine = NewEngine();
        Assert.Equal("RuntimeError", Assert.Throws<PythonException>(() => engine.Load(new ModuleSpec(Name, new DelegateLoader(_ => throw new PythonException("RuntimeError", ""))))).TypeName);
        Assert.False(engine.Modules.ContainsKey(Name));
        Assert.Throws<PythonException>(() => engine.Load(new ModuleSpec(Name, new DelegateLoader(m =>
        {
            engine.Modules.Remove(m.Name);
            throw new PythonException("RuntimeError", "");
        }))));
        Assert.False(engine.Modules.ContainsKey(Name));
    }

    [Fact]
    public void ReloadThroughExecKeepsTheObjectAndReRunsTheLoader()
    {
        var engine = NewEngine();
        var spec = new ModuleSpec(Name, new NewLoader());
        var loaded = Module(engine.Load(spec));
        loaded.SetAttribute("eggs", 2L);
        loaded.SetAttribute("available", false);
        var reloaded = engine.Exec(spec, loaded);
        Assert.Same(loaded, reloaded);
        Assert.Same(loaded, engine.Modules[Name]);
        Assert.Equal(1L, loaded.GetAttributeOrDefault("eggs"));
        Assert.Equal(false, loaded.GetAttributeOrDefault("available"));
    }

    [Fact]
    public void ExecReinitialisesTheModuleAttributes()
    {
        var engine = NewEngine();
        var spec = new ModuleSpec(Name, new NewLoader());
        var loaded = Module(engine.Load(spec));
        loaded.SetAttribute("__name__", "ham");
        loaded.RemoveAttribute("__loader__");
        loaded.RemoveAttribute("__package__");
        loaded.RemoveAttribute("__spec__");
        engine.Exec(spec, loaded);
        Assert.Equal(Name, loaded.GetAttributeOrDefault("__name__"));
        Assert.Same(spec.Loader, loaded.Loader);
        Assert.Equal(spec.Parent, loaded.Package);
        Assert.Same(spec, loaded.Spec);
        Assert.False(loaded.HasAttribute("__path__"));
        Assert.False(loaded.HasAttribute("__file__"));
        Assert.False(loaded.HasAttribute("__cached__"));
    }

    [Fact]
    public void ExecOfAModuleNotInSysModulesIsAnImportError()
    {
        var engine = NewEngine();
        var spec = new ModuleSpec(Name, new NewLoader());
        var error = Assert.ThrowsAny<ImportError>(() => engine.Exec(spec, ImportUtil.ModuleFromSpec(spec)));
        Assert.Equal("module 'spam' not in sys.modules", error.Message);
    }
}

public sealed class ActorSpecMethodsTests : SpecMethodsTests
{
    protected override CoordinationMode Mode => CoordinationMode.Actors;
}

public sealed class LockSpecMethodsTests : SpecMethodsTests
{
    protected override CoordinationMode Mode => CoordinationMode.Locks;
}

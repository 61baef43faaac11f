using System.Text.Json;
using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Model;
using ActorImport.Tests.Conformance;
using ActorImport.Tests.Engine;

namespace ActorImport.Tests.Reliability;

/// <summary>
/// Host code that throws (issue 11, "Faults"): a meta-path finder, a path hook, a path-entry
/// finder, a loader's <c>create_module</c> or <c>exec_module</c>. Each exception reaches the
/// caller as python3 says it does (the same instance: the engine wraps nothing; a path hook's
/// ImportError means "skip this hook"), <c>sys.modules</c> holds nothing of the failed attempt,
/// and the engine stays usable, from many threads too. Run under both coordinations.
/// </summary>
public abstract class FaultHostCodeTests : EngineTestBase
{
    /// <summary>What python3 lets reach the caller of <c>import_module</c> for each throwing host hook, and whether the name is left in sys.modules.</summary>
    private static readonly Lazy<JsonElement> Oracle = new(() => PythonOracle.RunJson("""
        import sys, os, json, importlib, importlib.abc, importlib.machinery, tempfile
        out = {}
        class Exec(importlib.abc.Loader):
            def create_module(self, spec): return None
            def exec_module(self, m): raise KeyError('exec boom')
        class Create(importlib.abc.Loader):
            def create_module(self, spec): raise ValueError('create boom')
            def exec_module(self, m): pass
        class Finder:
            def find_spec(self, name, path, target=None):
                if name == 'boomfind': raise RuntimeError('finder boom')
                if name == 'boomexec': return importlib.machinery.ModuleSpec(name, Exec())
                if name == 'boomcreate': return importlib.machinery.ModuleSpec(name, Create())
                return None
        class EntryFinder:
            def find_spec(self, name, target=None):
                if name == 'boomentry': raise OSError('entry boom')
                return None
            def invalidate_caches(self): pass
        d = tempfile.mkdtemp()
        open(os.path.join(d, 'okmod.py'), 'w').write('X = 1\n')
        def skip_hook(p):
            raise ImportError('not mine')
        def value_hook(p):
            if p.endswith('valuehook'): raise ValueError('hook boom')
            raise ImportError
        def entry_hook(p):
            if p.endswith('entryhook'): return EntryFinder()
            raise ImportError
        sys.meta_path.insert(0, Finder())
        sys.path_hooks[0:0] = [skip_hook, value_hook, entry_hook]
        sys.path[0:0] = [os.path.join(d, 'valuehook'), os.path.join(d, 'entryhook'), d]
        def attempt(case, name):
            try:
                importlib.import_module(name)
                out[case] = {'error': None}
            except BaseException as e:
                out[case] = {'error': type(e).__name__, 'message': str(e)}
            out[case]['in_modules'] = name in sys.modules
        attempt('finder', 'boomfind')
        attempt('exec', 'boomexec')
        attempt('create', 'boomcreate')
        attempt('hook', 'okmod')
        out['hook']['cached'] = os.path.join(d, 'valuehook') in sys.path_importer_cache
        sys.path.remove(os.path.join(d, 'valuehook'))
        attempt('entry', 'boomentry')
        attempt('skip', 'okmod')
        print(json.dumps(out))
        """));

    private sealed class ThrowingFinder(Func<string, ModuleSpec?> find) : IMetaPathFinder, IThreadSafe
    {
        public ModuleSpec? FindSpec(string fullname, IReadOnlyList<string>? path, ModuleObject? target = null) => find(fullname);

        public void InvalidateCaches()
        {
        }
    }

    private sealed class ThrowingLoader(Exception? onCreate, Exception? onExec) : ILoader, IThreadSafe
    {
        public ModuleObject? CreateModule(ModuleSpec spec) => onCreate is null ? null : throw onCreate;

        public void ExecModule(ModuleObject module)
        {
            if (onExec is not null)
            {
                throw onExec;
            }
        }
    }

    private sealed class ThrowingEntryFinder(Exception error) : IPathEntryFinder
    {
        public ModuleSpec? FindSpec(string fullname, ModuleObject? target = null) => fullname == "boomentry" ? throw error : null;

        public void InvalidateCaches()
        {
        }
    }

    /// <summary>The python3 error type of <paramref name="case"/> (null: the import succeeded).</summary>
    private static string? ExpectedType(string case_) =>
        Oracle.Value.GetProperty(case_).GetProperty("error").ValueKind == JsonValueKind.Null ? null : Oracle.Value.GetProperty(case_).GetProperty("error").GetString();

    private static bool ExpectedInModules(string case_) => Oracle.Value.GetProperty(case_).GetProperty("in_modules").GetBoolean();

    private ImportEngine EngineWithGoodModules()
    {
        for (int i = 0; i < 40; i++)
        {
            Tree.Write($"good{i}.py", i == 0 ? "X = 0\n" : $"import good{i - 1}\nX = good{i - 1}.X + 1\n");
        }
        return NewEngine();
    }

    /// <summary>The engine is healthy: nothing initialising, and 8 threads importing a 40-module chain all get the same modules.</summary>
    private static void AssertHealthy(ImportEngine engine)
    {
        Assert.Empty(engine.Modules.Initializing());
        var results = RunTogether(8, i => engine.ImportModule($"good{39 - (i * 5)}"));
        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Equal(39L, Module(engine.ImportModule("good39")).GetAttributeOrDefault("X"));
        Assert.Empty(engine.Modules.Initializing());
    }

    [PythonFact]
    public void AMetaPathFinderThatRaisesPropagatesUnchanged()
    {
        using var engine = EngineWithGoodModules();
        var raised = new PythonException("RuntimeError", "finder boom");
        engine.MetaPath.Insert(0, new ThrowingFinder(name => name == "boomfind" ? throw raised : null));
        var caught = Assert.ThrowsAny<Exception>(() => engine.ImportModule("boomfind"));
        Assert.Same(raised, caught);
        Assert.Equal(ExpectedType("finder"), raised.TypeName);
        Assert.Equal(ExpectedInModules("finder"), engine.Modules.ContainsKey("boomfind"));
        AssertHealthy(engine);
    }

    /// <summary>A .NET exception from a host finder (no Python type at all) is not wrapped either.</summary>
    [Fact]
    public void AMetaPathFinderThatThrowsADotNetExceptionPropagatesItFromEveryThread()
    {
        using var engine = EngineWithGoodModules();
        engine.MetaPath.Insert(0, new ThrowingFinder(name => name.StartsWith("boom", StringComparison.Ordinal) ? throw new InvalidOperationException(name) : null));
        var results = RunTogether(8, i => i % 2 == 0 ? engine.ImportModule($"boom{i}") : engine.ImportModule($"good{i}"));
        for (int i = 0; i < results.Length; i++)
        {
            if (i % 2 == 0)
            {
                Assert.Equal($"boom{i}", Assert.IsType<InvalidOperationException>(results[i].Error).Message);
                Assert.False(engine.Modules.ContainsKey($"boom{i}"));
            }
            else
            {
                Assert.Null(results[i].Error);
            }
        }
        AssertHealthy(engine);
    }

    [PythonFact]
    public void ALoaderWhoseExecModuleRaisesLeavesNothingInSysModules()
    {
        using var engine = EngineWithGoodModules();
        var raised = new PythonException("KeyError", "'exec boom'");
        engine.MetaPath.Insert(0, new ThrowingFinder(name => name == "boomexec" ? new ModuleSpec(name, new ThrowingLoader(null, raised)) : null));
        Assert.Same(raised, Assert.ThrowsAny<Exception>(() => engine.ImportModule("boomexec")));
        Assert.Equal(ExpectedType("exec"), raised.TypeName);
        Assert.Equal(ExpectedInModules("exec"), engine.Modules.ContainsKey("boomexec"));
        AssertHealthy(engine);
    }

    [PythonFact]
    public void ALoaderWhoseCreateModuleRaisesLeavesNothingInSysModules()
    {
        using var engine = EngineWithGoodModules();
        var raised = new PythonException("ValueError", "create boom");
        engine.MetaPath.Insert(0, new ThrowingFinder(name => name == "boomcreate" ? new ModuleSpec(name, new ThrowingLoader(raised, null)) : null));
        Assert.Same(raised, Assert.ThrowsAny<Exception>(() => engine.ImportModule("boomcreate")));
        Assert.Equal(ExpectedType("create"), raised.TypeName);
        Assert.Equal(ExpectedInModules("create"), engine.Modules.ContainsKey("boomcreate"));
        AssertHealthy(engine);
    }

    /// <summary>
    /// Path hooks: one raising ImportError is skipped (the next hook, then the default file
    /// finder, answer); one raising anything else propagates, and its entry is not cached, so once
    /// the entry is gone the same import succeeds.
    /// </summary>
    [PythonFact]
    public void APathHookThatRaisesImportErrorIsSkippedAndAnyOtherErrorPropagates()
    {
        string valueEntry = Path.Combine(Tree.Root, "valuehook");
        using var engine = EngineWithGoodModules();
        Tree.Write("okmod.py", "X = 1\n");
        var raised = new PythonException("ValueError", "hook boom");
        engine.PathHooks.Insert(0, _ => throw new ImportError("not mine"));
        engine.PathHooks.Insert(1, p => p.EndsWith("valuehook", StringComparison.Ordinal) ? throw raised : throw new ImportError("not mine"));
        engine.Path.Insert(0, valueEntry);

        Assert.Same(raised, Assert.ThrowsAny<Exception>(() => engine.ImportModule("okmod")));
        Assert.Equal(ExpectedType("hook"), raised.TypeName);
        Assert.Equal(Oracle.Value.GetProperty("hook").GetProperty("cached").GetBoolean(), engine.PathImporterCache.ContainsKey(valueEntry));
        Assert.Equal(ExpectedInModules("hook"), engine.Modules.ContainsKey("okmod"));

        engine.Path.Remove(valueEntry);
        Assert.Null(ExpectedType("skip"));
        Assert.Equal(1L, Module(engine.ImportModule("okmod")).GetAttributeOrDefault("X"));
        AssertHealthy(engine);
    }

    /// <summary>A path-entry finder (host-supplied, called through the host gate) that raises: the error propagates through the path-entry transport unchanged.</summary>
    [PythonFact]
    public void APathEntryFinderThatRaisesPropagatesUnchanged()
    {
        string entry = Path.Combine(Tree.Root, "entryhook");
        using var engine = EngineWithGoodModules();
        var raised = new PythonException("OSError", "entry boom");
        engine.PathHooks.Insert(0, p => p.EndsWith("entryhook", StringComparison.Ordinal) ? new ThrowingEntryFinder(raised) : throw new ImportError("not mine"));
        engine.Path.Insert(0, entry);
        Assert.Same(raised, Assert.ThrowsAny<Exception>(() => engine.ImportModule("boomentry")));
        Assert.Equal(ExpectedType("entry"), raised.TypeName);
        Assert.Equal(ExpectedInModules("entry"), engine.Modules.ContainsKey("boomentry"));
        // Many threads through the same throwing finder, and through the good entries behind it.
        var results = RunTogether(8, i => i % 2 == 0 ? engine.ImportModule("boomentry") : engine.ImportModule($"good{i}"));
        Assert.All(results.Where((_, i) => i % 2 == 0), r => Assert.Same(raised, r.Error));
        Assert.All(results.Where((_, i) => i % 2 == 1), r => Assert.Null(r.Error));
        AssertHealthy(engine);
    }

    /// <summary>A failing submodule's loader leaves its parent loaded and unbound of the child, as CPython's _load_unlocked does.</summary>
    [Fact]
    public void AFailingSubmoduleLoaderLeavesTheParentUsable()
    {
        Tree.Write("pkg/__init__.py", "P = 1\n");
        using var engine = EngineWithGoodModules();
        var raised = new InvalidOperationException("sub boom");
        engine.MetaPath.Insert(0, new ThrowingFinder(name => name == "pkg.sub" ? new ModuleSpec(name, new ThrowingLoader(null, raised)) : null));
        Assert.Same(raised, Assert.ThrowsAny<Exception>(() => engine.ImportModule("pkg.sub")));
        Assert.True(engine.Modules.ContainsKey("pkg"));
        Assert.False(engine.Modules.ContainsKey("pkg.sub"));
        Assert.False(Module(engine.Modules["pkg"]).HasAttribute("sub"));
        AssertHealthy(engine);
    }
}

public sealed class ActorFaultHostCodeTests : FaultHostCodeTests
{
    protected override CoordinationMode Mode => CoordinationMode.Actors;
}

public sealed class LockFaultHostCodeTests : FaultHostCodeTests
{
    protected override CoordinationMode Mode => CoordinationMode.Locks;
}

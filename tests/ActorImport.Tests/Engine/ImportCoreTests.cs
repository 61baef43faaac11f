using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Model;
using ActorImport.Tests.Conformance;
using ActorImport.Tests.Python.Interpreting;

namespace ActorImport.Tests.Engine;

/// <summary>The single-chain import algorithm, against both coordinations; CPython answers the error texts.</summary>
public abstract class ImportCoreTests : EngineTestBase
{
    [Fact]
    public void ImportsASourceModuleOnceAndCachesIt()
    {
        Tree.Write("plain.py", "X = 1\nimport sys\n");
        using var engine = NewEngine();
        var module = Module(engine.ImportModule("plain"));
        Assert.Equal(1L, module.GetAttributeOrDefault("X"));
        Assert.Equal(Tree["plain.py"], module.File);
        Assert.Same(module, engine.ImportModule("plain"));
        Assert.Same(module, engine.Modules["plain"]);
        Assert.False(engine.Modules.IsInitializing("plain"));
        Assert.Equal(1, engine.Statistics.BodiesExecuted);
    }

    [Fact]
    public void ParentIsImportedFirstAndChildIsBoundOnIt()
    {
        Tree.Write("pkg/__init__.py", "ORDER = ['pkg']\n").Write("pkg/sub/__init__.py").Write("pkg/sub/leaf.py", "Y = 2\n");
        using var engine = NewEngine();
        var leaf = Module(engine.ImportModule("pkg.sub.leaf"));
        var pkg = Module(engine.Modules["pkg"]);
        var sub = Module(engine.Modules["pkg.sub"]);
        Assert.Same(sub, pkg.GetAttributeOrDefault("sub"));
        Assert.Same(leaf, sub.GetAttributeOrDefault("leaf"));
        Assert.Equal(new[] { "pkg", "pkg.sub", "pkg.sub.leaf" }, engine.Modules.Keys.Where(k => k.StartsWith("pkg", StringComparison.Ordinal)));
    }

    [Fact]
    public void DunderImportReturnsTopPackageOrTheModuleWithAFromlist()
    {
        Tree.Write("pkg/__init__.py").Write("pkg/a.py", "A = 1\n").Write("pkg/b.py", "B = 1\n");
        using var engine = NewEngine();
        var top = engine.ImportName("pkg.a");
        Assert.Same(engine.Modules["pkg"], top);
        var withFrom = engine.ImportName("pkg", fromlist: ["b", "missing_is_swallowed"]);
        Assert.Same(engine.Modules["pkg"], withFrom);
        Assert.True(engine.Modules.ContainsKey("pkg.b"));
        Assert.False(engine.Modules.ContainsKey("pkg.missing_is_swallowed"));
        Assert.Same(engine.Modules["pkg.a"], engine.ImportName("pkg.a", fromlist: ["A"]));
    }

    [Fact]
    public void RelativeImportsResolveAgainstThePackage()
    {
        Tree.Write("pkg/__init__.py", "from . import sibling\nfrom .sub.deep import VALUE\n")
            .Write("pkg/sibling.py", "from .sub import deep as d\n")
            .Write("pkg/sub/__init__.py").Write("pkg/sub/deep.py", "VALUE = 'deep'\nfrom .. import sibling\n");
        using var engine = NewEngine();
        var pkg = Module(engine.ImportModule("pkg"));
        Assert.Equal("deep", pkg.GetAttributeOrDefault("VALUE"));
        Assert.Same(engine.Modules["pkg.sibling"], pkg.GetAttributeOrDefault("sibling"));
        Assert.Same(engine.Modules["pkg.sub.deep"], engine.ImportModule(".sub.deep", "pkg"));
        Assert.Same(engine.Modules["pkg.sub.deep"], engine.ImportName("deep", Module(engine.Modules["pkg.sub"]), ["VALUE"], 1));
    }

    [PythonFact]
    public void ErrorsOfImportStatementsCarryCPythonsTypeAndText()
    {
        Tree.Write("mod_a.py", "X = 1\n").Write("pkg/__init__.py").Write("bad.py", "raise ValueError('boom')\n")
            .Write("circ_a.py", "from circ_b import B\nA = 1\n").Write("circ_b.py", "from circ_a import A\nB = 1\n");
        string[] statements =
        [
            "import nonexistent_mod_xyz",
            "import pkg.missing",
            "import mod_a.b",
            "from mod_a import nothere",
            "import circ_a",
            "import bad",
            "from . import x",
        ];
        // Each statement is the body of a module, imported by CPython and by this engine.
        for (int i = 0; i < statements.Length; i++)
        {
            Tree.Write($"statement_{i}.py", statements[i] + "\n");
        }
        var expected = TreeOracle.Errors(Tree.Root, statements.Select((_, i) => $"import statement_{i}").ToArray());
        for (int i = 0; i < statements.Length; i++)
        {
            using var engine = NewEngine();
            var error = Assert.ThrowsAny<PythonException>(() => engine.ImportModule($"statement_{i}"));
            Assert.Equal(expected[i], (error.TypeName, error.Message));
        }
    }

    [PythonFact]
    public void ErrorsOfImportModuleCarryCPythonsTypeAndText()
    {
        Tree.Write("pkg/__init__.py");
        (string Name, string? Package)[] calls = [("", null), (".x", null), ("..x", "pkg"), (".", ""), ("nonexistent_mod_xyz", null)];
        var expected = TreeOracle.Errors(Tree.Root, calls.Select(c => $"import importlib\nimportlib.import_module({PythonLiteral(c.Name)}, {PythonLiteral(c.Package)})").ToArray());
        using var engine = NewEngine();
        for (int i = 0; i < calls.Length; i++)
        {
            var error = Assert.ThrowsAny<PythonException>(() => engine.ImportModule(calls[i].Name, calls[i].Package));
            Assert.Equal(expected[i], (error.TypeName, error.Message));
        }
    }

    private static string PythonLiteral(string? text) => text is null ? "None" : $"'{text}'";

    [PythonFact]
    public void NoneInSysModulesHaltsAndBlocksTheFromlist()
    {
        Tree.Write("pkg/__init__.py").Write("pkg/sub.py");
        var expected = TreeOracle.Errors(Tree.Root,
            "import sys\nsys.modules['blocked'] = None\nimport blocked",
            "import sys\nsys.modules['pkg.sub'] = None\nfrom pkg import sub");
        using var engine = NewEngine();
        engine.Modules["blocked"] = null;
        engine.Modules["pkg.sub"] = null;
        var halted = Assert.Throws<ModuleNotFoundError>(() => engine.ImportModule("blocked"));
        Assert.Equal(expected[0], (halted.TypeName, halted.Message));
        Assert.Equal("blocked", halted.Name);
        var fromlist = Assert.Throws<ModuleNotFoundError>(() => engine.ImportName("pkg", fromlist: ["sub"]));
        Assert.Equal(expected[1], (fromlist.TypeName, fromlist.Message));
    }

    [PythonFact]
    public void SameChainCycleGivesThePartialModuleAndCPythonsText()
    {
        Tree.Write("circ_a.py", "import circ_b\nA = 1\n").Write("circ_b.py", "import circ_a\nHAS_A = hasattr(circ_a, 'A')\nfrom circ_a import A\n");
        var expected = TreeOracle.Errors(Tree.Root, "import circ_a");
        using var engine = NewEngine();
        var error = Assert.Throws<ImportError>(() => engine.ImportModule("circ_a"));
        Assert.Equal(expected[0], (error.TypeName, error.Message));
        Assert.False(engine.Modules.ContainsKey("circ_a"));
        Assert.False(engine.Modules.ContainsKey("circ_b"));
        Assert.True(engine.Statistics.SameChainPartials >= 1);
    }

    /// <summary>
    /// A module stored in <c>sys.modules</c> while the claim holder searches (as importlib's
    /// <c>__init__</c> stores its frozen <c>_bootstrap_external</c>, whose spec has another name)
    /// is the import's answer: nothing is loaded, and the other name's entry is left alone.
    /// </summary>
    [Fact]
    public void AModuleStoredWhileSearchingIsTheAnswerAndItsSpecsNameIsNotReloaded()
    {
        using var engine = NewEngine();
        var original = new ModuleObject("original");
        original.SetAttribute("__spec__", new ModuleSpec("original", null));
        engine.Modules["original"] = original;
        engine.MetaPath.Insert(0, new StoringFinder(engine, "alias", original));
        Assert.Same(original, engine.ImportModule("alias"));
        Assert.Same(original, engine.Modules["original"]);
        Assert.Empty(engine.Modules.Initializing());
        Assert.Equal(0, engine.Statistics.BodiesExecuted);
    }

    /// <summary>A host finder that, asked for <paramref name="name"/>, stores <paramref name="module"/> there first (a concurrent body's store).</summary>
    private sealed class StoringFinder(ImportEngine engine, string name, ModuleObject module) : IMetaPathFinder
    {
        public ModuleSpec? FindSpec(string fullname, IReadOnlyList<string>? path, ModuleObject? target = null)
        {
            if (fullname != name)
            {
                return null;
            }
            engine.Modules[name] = module;
            return new ModuleSpec(fullname, null);
        }

        public void InvalidateCaches()
        {
        }
    }

    [Fact]
    public void FailureRemovesTheModuleKeepsItsSubmodulesAndARetryReExecutes()
    {
        Tree.Write("pkg/__init__.py", "from . import good\nraise ValueError('boom')\n").Write("pkg/good.py", "G = 1\n");
        using var engine = NewEngine();
        var first = Assert.Throws<PythonException>(() => engine.ImportModule("pkg"));
        Assert.Equal("ValueError", first.TypeName);
        Assert.False(engine.Modules.ContainsKey("pkg"));
        Assert.True(engine.Modules.ContainsKey("pkg.good"));
        long before = engine.Statistics.BodiesExecuted;
        Assert.Throws<PythonException>(() => engine.ImportModule("pkg"));
        Assert.Equal(before + 1, engine.Statistics.BodiesExecuted);
        // Both attempts of pkg failed; pkg.good's body succeeded once.
        Assert.Equal(2, engine.Statistics.BodiesFailed);
        Assert.Empty(engine.Modules.Initializing());
    }

    [Fact]
    public void ABodyThatReplacesItselfInSysModulesIsWhatTheImportReturns()
    {
        Tree.Write("replacer.py", "import sys\nimport other\nsys.modules[__name__] = other\n").Write("other.py", "O = 1\n");
        using var engine = NewEngine();
        var result = engine.ImportModule("replacer");
        Assert.Same(engine.Modules["other"], result);
        Assert.Same(result, engine.Modules["replacer"]);
    }

    [Fact]
    public void NamespacePackagesSpanSeveralEntries()
    {
        Tree.Write("one/ns/a.py", "A = 1\n").Write("two/ns/b.py", "B = 1\n");
        using var engine = NewEngine(o => o with { SearchPath = [Tree["one"], Tree["two"]] });
        var ns = Module(engine.ImportModule("ns"));
        Assert.Null(ns.File);
        Module(engine.ImportModule("ns.a"));
        Module(engine.ImportModule("ns.b"));
        Assert.Equal(new[] { Tree["one/ns"], Tree["two/ns"] }, ns.Path!.ToArray());
    }

    [Fact]
    public async Task AsyncImportRunsTheSameAlgorithm()
    {
        Tree.Write("pkg/__init__.py").Write("pkg/mod.py", "from . import other\n").Write("pkg/other.py");
        await using var engine = NewEngine();
        var mod = Module(await engine.ImportModuleAsync("pkg.mod"));
        Assert.Same(engine.Modules["pkg.mod"], mod);
        Assert.Same(engine.Modules["pkg.other"], mod.GetAttributeOrDefault("other"));
        Assert.Same(mod, await engine.ImportModuleAsync(".mod", "pkg"));
    }

    [Fact]
    public void SysModulesWritesAndDeletesGoThroughTheEngine()
    {
        Tree.Write("m.py");
        using var engine = NewEngine();
        var m = engine.ImportModule("m");
        Assert.True(engine.Modules.Remove("m"));
        Assert.False(engine.Modules.Remove("m"));
        var again = engine.ImportModule("m");
        Assert.NotSame(m, again);
        engine.Modules["alias"] = again;
        Assert.Same(again, engine.ImportModule("alias"));
    }

    [Fact]
    public void PathEntriesCanBeAskedThroughAnotherTransport()
    {
        Tree.Write("pkg/__init__.py").Write("pkg/m.py");
        var asked = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var engine = NewEngine(o => o with
        {
            PathEntries = (state, _) => new CountingAsker(new ActorImport.Discovery.ThreadPoolPathEntryAsker(state), asked),
        });
        Module(engine.ImportModule("pkg.m"));
        Assert.Contains("pkg.m", asked);
    }

    private sealed class CountingAsker(ActorImport.Discovery.IPathEntryAsker inner, System.Collections.Concurrent.ConcurrentQueue<string> asked) : ActorImport.Discovery.IPathEntryAsker
    {
        public Task<ActorImport.Discovery.PathEntryAnswer> AskAsync(string entry, string fullname, ModuleObject? target)
        {
            asked.Enqueue(fullname);
            return inner.AskAsync(entry, fullname, target);
        }
    }

    /// <summary>A handler that throws fails only its caller (Status.Failure under actors); the coordinator is restarted with its state and the engine keeps working.</summary>
    [Fact]
    public void AFailingCoordinationCallFailsItsCallerOnly()
    {
        Tree.Write("m.py").Write("n.py");
        using var engine = NewEngine();
        var m = engine.ImportModule("m");
        Assert.ThrowsAny<ArgumentNullException>(() => engine.Modules[null!] = "x");
        Assert.Same(m, engine.ImportModule("m"));
        Module(engine.ImportModule("n"));
        Assert.Empty(engine.Modules.Initializing());
    }

    [Fact]
    public void EnginesShareNothing()
    {
        Tree.Write("m.py", "X = 1\n");
        using var one = NewEngine();
        using var two = NewEngine();
        Assert.NotSame(one.ImportModule("m"), two.ImportModule("m"));
        one.Modules.Remove("m");
        Assert.True(two.Modules.ContainsKey("m"));
    }
}

public sealed class ActorImportCoreTests : ImportCoreTests
{
    protected override CoordinationMode Mode => CoordinationMode.Actors;
}

public sealed class LockImportCoreTests : ImportCoreTests
{
    protected override CoordinationMode Mode => CoordinationMode.Locks;
}

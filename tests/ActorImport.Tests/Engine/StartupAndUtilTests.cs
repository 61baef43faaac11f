using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Model;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Engine;

/// <summary>
/// The start-up state (<c>python3 -I -S</c>'s <c>sys.modules</c>), <c>find_spec</c> and
/// <c>reload</c>, against both coordinations; python3 answers at test time.
/// </summary>
public abstract class StartupAndUtilTests : EngineTestBase
{
    /// <summary>A python3 expression printing a list of str as JSON without importing json (which would add modules).</summary>
    private const string PrintNames = "print('[' + ','.join('\"%s\"' % n for n in {0}) + ']')";

    private static string[] Names(string script, string expression) =>
        PythonOracle.RunJson(script + "\n" + string.Format(PrintNames, expression), flags: "-I -S").EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static string[] HostSearchPath() =>
        PythonOracle.RunJson("import sys, json\nprint(json.dumps(sys.path))", flags: "-I -S").EnumerateArray().Select(e => e.GetString()!).ToArray();

    [PythonFact]
    public void StartsWithTheModulesPython3DashISStartsWith()
    {
        var expected = Names("import sys", "sorted(sys.modules)");
        using var engine = NewEngine(o => o with { SearchPath = HostSearchPath(), StdlibDirectory = PythonOracle.Stdlib });
        Assert.Equal(expected, engine.Modules.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Empty(engine.Modules.Initializing());
    }

    [PythonFact]
    public void StartupModulesHaveCPythonsOrigins()
    {
        var expected = PythonOracle.RunJson("import sys\nprint('{' + ','.join('\"%s\": %s' % (n, '\"%s\"' % o if o else 'null') for n, o in ((n, getattr(getattr(m, '__spec__', None), 'origin', None)) for n, m in list(sys.modules.items()))) + '}')", flags: "-I -S");
        using var engine = NewEngine(o => o with { SearchPath = HostSearchPath(), StdlibDirectory = PythonOracle.Stdlib });
        foreach (var property in expected.EnumerateObject())
        {
            var module = Module(engine.Modules[property.Name]);
            Assert.Equal(property.Value.GetString(), module.Spec?.Origin);
        }
    }

    [PythonFact]
    public void StdlibImportsAddTheModulesCPythonAdds()
    {
        // A sample of stdlib modules with real import graphs (17 tried, all equal: string, keyword,
        // colorsys, bisect, json, textwrap, fnmatch, glob, shlex, copy, pprint, dataclasses,
        // typing, argparse, logging, random, pathlib); the sweep over every top-level module is
        // issue 8's "Must show" test.
        string[] names = ["string", "json", "textwrap", "dataclasses", "typing", "argparse", "logging", "pathlib"];
        var mismatches = new List<string>();
        // One python3 run per module: the sys.modules delta of `import M`.
        foreach (string name in names)
        {
            var cpython = Names($"import sys\nbefore = set(sys.modules)\nimport {name}", "sorted(set(sys.modules) - before)");
            using var engine = NewEngine(o => o with { SearchPath = HostSearchPath(), StdlibDirectory = PythonOracle.Stdlib, Interpreter = o.Interpreter with { HonourSleep = false } });
            var before = engine.Modules.Keys.ToHashSet(StringComparer.Ordinal);
            try
            {
                engine.ImportName(name);
            }
            catch (PythonException)
            {
            }
            var added = engine.Modules.Keys.Where(k => !before.Contains(k)).Order(StringComparer.Ordinal).ToArray();
            if (!cpython.SequenceEqual(added))
            {
                mismatches.Add($"{name}: missing [{string.Join(", ", cpython.Except(added))}] extra [{string.Join(", ", added.Except(cpython))}]");
            }
        }
        Assert.Empty(mismatches);
    }

    [Fact]
    public void FindSpecOfASubmoduleImportsItsParentFirst()
    {
        Tree.Write("pkg/__init__.py", "import extra\n").Write("pkg/sub.py").Write("extra.py");
        using var engine = NewEngine();
        ModuleSpec spec = engine.FindSpec("pkg.sub")!;
        Assert.Equal(Tree["pkg/sub.py"], spec.Origin);
        Assert.True(engine.Modules.ContainsKey("pkg"));
        Assert.True(engine.Modules.ContainsKey("extra"));
        Assert.False(engine.Modules.ContainsKey("pkg.sub"));
        Assert.Null(engine.FindSpec("pkg.nothere"));
        Assert.Same(Module(engine.Modules["pkg"]).Spec, engine.FindSpec("pkg"));
        Assert.Equal(spec.Name, engine.FindSpec(".sub", "pkg")!.Name);
    }

    [PythonFact]
    public void FindSpecErrorsAreCPythons()
    {
        Tree.Write("mod_a.py");
        var expected = Python.Interpreting.TreeOracle.Errors(Tree.Root,
            "import importlib.util\nimportlib.util.find_spec('mod_a.b')",
            "import importlib.util, sys, types\nsys.modules['nospec'] = types.ModuleType('nospec')\ndel sys.modules['nospec'].__spec__\nimportlib.util.find_spec('nospec')",
            "import importlib.util, sys, types\nsys.modules['nonespec'] = types.ModuleType('nonespec')\nimportlib.util.find_spec('nonespec')");
        using var engine = NewEngine();
        var notPackage = Assert.ThrowsAny<PythonException>(() => engine.FindSpec("mod_a.b"));
        Assert.Equal(expected[0], (notPackage.TypeName, notPackage.Message));
        var noSpec = new ModuleObject("nospec");
        engine.Modules["nospec"] = noSpec;
        var notSet = Assert.ThrowsAny<PythonException>(() => engine.FindSpec("nospec"));
        Assert.Equal(expected[1], (notSet.TypeName, notSet.Message));
        engine.Modules["nonespec"] = ModuleObject.ModuleType("nonespec");
        var isNone = Assert.ThrowsAny<PythonException>(() => engine.FindSpec("nonespec"));
        Assert.Equal(expected[2], (isNone.TypeName, isNone.Message));
        engine.Modules["blocked"] = null;
        Assert.Null(engine.FindSpec("blocked"));
    }

    [Fact]
    public void ReloadReExecutesInTheSameObjectKeepsStaleNamesAndFindsTheSpecAgain()
    {
        Tree.Write("pkg/__init__.py").Write("pkg/mod.py", "OLD = 1\nVALUE = 'first'\n");
        using var engine = NewEngine();
        var module = Module(engine.ImportModule("pkg.mod"));
        ModuleSpec firstSpec = module.Spec!;
        Tree.Write("pkg/mod.py", "VALUE = 'second'\nNEW = 2\n");
        var reloaded = engine.Reload(module);
        Assert.Same(module, reloaded);
        Assert.Equal("second", module.GetAttributeOrDefault("VALUE"));
        Assert.Equal(1L, module.GetAttributeOrDefault("OLD"));
        Assert.Equal(2L, module.GetAttributeOrDefault("NEW"));
        Assert.NotSame(firstSpec, module.Spec);
    }

    [PythonFact]
    public void ReloadErrorsAreCPythons()
    {
        Tree.Write("mod_a.py");
        var expected = Python.Interpreting.TreeOracle.Errors(Tree.Root,
            "import importlib, types\nimportlib.reload(types.ModuleType('zz'))",
            "import importlib, mod_a, sys, os\nos.rename(mod_a.__file__, mod_a.__file__ + '.gone')\ntry:\n    importlib.invalidate_caches()\n    importlib.reload(mod_a)\nfinally:\n    os.rename(mod_a.__file__ + '.gone', mod_a.__file__)");
        using var engine = NewEngine();
        var notIn = Assert.ThrowsAny<PythonException>(() => engine.Reload(ModuleObject.ModuleType("zz")));
        Assert.Equal(expected[0], (notIn.TypeName, notIn.Message));
        var modA = Module(engine.ImportModule("mod_a"));
        File.Move(Tree["mod_a.py"], Tree["mod_a.py.gone"]);
        engine.InvalidateCaches();
        var notFound = Assert.ThrowsAny<PythonException>(() => engine.Reload(modA));
        Assert.Equal(expected[1], (notFound.TypeName, notFound.Message));
    }

    [Fact]
    public void AnEngineMadeFromTheConfigurationUsesItsCoordination()
    {
        var options = new ActorImportOptions { Engine = { Coordination = Mode }, Search = { Path = [Tree.Root] } };
        var engineOptions = ImportEngineOptions.FromConfiguration(options, new SearchPathResolver(() => null, Tree.Root));
        using var engine = new ImportEngine(engineOptions);
        Assert.Equal(Mode == CoordinationMode.Actors ? typeof(ActorCoordination) : typeof(LockCoordination), engine.Coordination.GetType());
        Assert.Equal([Tree.Root], engine.Path.Snapshot());
        Assert.Equal(Mode == CoordinationMode.Actors, engine.Actors?.OwnsSystem == true);
    }
}

public sealed class ActorStartupAndUtilTests : StartupAndUtilTests
{
    protected override CoordinationMode Mode => CoordinationMode.Actors;
}

public sealed class LockStartupAndUtilTests : StartupAndUtilTests
{
    protected override CoordinationMode Mode => CoordinationMode.Locks;
}

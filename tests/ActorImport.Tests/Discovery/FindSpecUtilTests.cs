using System.Text.Json;
using ActorImport.Discovery;
using ActorImport.Model;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Discovery;

/// <summary>
/// <c>importlib.util.find_spec</c>: relative names, modules already in <c>sys.modules</c>, and the
/// errors, each compared with python3's answer for the same layout.
/// </summary>
public sealed class FindSpecUtilTests
{
    private static readonly string[] Calls =
    [
        "('.inner', 'pkg')", "('..inner', 'pkg.sub')", "('.', 'pkg')", "('.x', None)", "('...x', 'pkg')",
        "('plain.b', None)", "('nothere_xyz.b', None)", "('nothere_xyz', None)", "('pkg.sub.leaf', None)",
        "('blocked', None)", "('nospec', None)", "('specnone', None)", "('blocked.child', None)",
    ];

    [PythonFact]
    public void AnswersAndErrorsMatchCPython()
    {
        using var layout = new TempLayout();
        layout.File("root/pkg/__init__.py");
        layout.File("root/pkg/inner.py");
        layout.File("root/pkg/sub/__init__.py");
        layout.File("root/pkg/sub/leaf.py");
        layout.File("root/plain.py");
        string script = FindSpecOracle.SnapScript + """

            import types
            sys.path.insert(0, sys.argv[1])
            res = {'path': list(sys.path)}
            sys.modules['blocked'] = None
            m = types.ModuleType('nospec'); del m.__spec__; sys.modules['nospec'] = m
            sys.modules['specnone'] = types.ModuleType('specnone')
            for call in json.loads(sys.argv[2]):
                res[call] = attempt(lambda: importlib.util.find_spec(*eval(call)))
            print(json.dumps(res))
            """;
        JsonElement py = PythonOracle.RunJson(script, [layout["root"], JsonSerializer.Serialize(Calls)], flags: "-I -S");

        var modules = new ModuleTable();
        FinderState state = FinderState.CreateDefault(py.GetProperty("path").EnumerateArray().Select(e => e.GetString()!), modules, PythonOracle.Stdlib);
        modules.Set("blocked", null);
        var noSpec = new ModuleObject("nospec");
        modules.Set("nospec", noSpec);
        var specNone = new ModuleObject("specnone");
        specNone.SetAttribute("__spec__", null);
        modules.Set("specnone", specNone);

        foreach (string call in Calls)
        {
            string[] args = call.Trim('(', ')').Split(", ");
            string name = args[0].Trim('\'');
            string? package = args[1] == "None" ? null : args[1].Trim('\'');
            string expected = FindSpecOracle.Canonical(py.GetProperty(call));
            Assert.True(expected == FindSpecOracle.Attempt(() => SpecFinder.FindSpec(state, name, package)), $"{call}: CPython {expected}, ours {FindSpecOracle.Attempt(() => SpecFinder.FindSpec(state, name, package))}");
        }
    }

    [Fact]
    public void AModuleInSysModulesAnswersWithItsOwnSpecObject()
    {
        var modules = new ModuleTable();
        FinderState state = FinderState.CreateDefault([], modules);
        var module = new ModuleObject("host_mod");
        var spec = new ModuleSpec("host_mod", null, origin: "somewhere");
        module.SetAttribute("__spec__", spec);
        modules.Set("host_mod", module);
        Assert.Same(spec, SpecFinder.FindSpec(state, "host_mod"));
    }

    [Fact]
    public void BuiltinsFrozenAndLoadersWithoutAnExecutor()
    {
        FinderState state = FinderState.CreateDefault([]);
        ModuleSpec sys = SpecFinder.FindSpec(state, "sys")!;
        Assert.IsType<BuiltinImporter>(sys.Loader);
        Assert.Equal("built-in", sys.Origin);
        ModuleSpec os = SpecFinder.FindSpec(state, "os")!;
        Assert.IsType<FrozenImporter>(os.Loader);
        var error = Assert.Throws<ImportError>(() => os.Loader!.ExecModule(new ModuleObject("os")));
        Assert.Contains("no module body executor is configured", error.Message);
    }

    [Fact]
    public void HostRegisteredBuiltinIsFoundAndCreated()
    {
        FinderState state = FinderState.CreateDefault([]);
        var builtin = state.MetaPath.Snapshot().OfType<BuiltinImporter>().Single();
        var real = new ModuleObject("hostmod");
        builtin.Register("hostmod", _ => real);
        ModuleSpec spec = SpecFinder.FindSpec(state, "hostmod")!;
        Assert.Same(real, spec.Loader!.CreateModule(spec));
    }
}

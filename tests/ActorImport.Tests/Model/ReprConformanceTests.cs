using System.Text.Json;
using ActorImport.Loading;
using ActorImport.Model;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Model;

/// <summary>Module reprs without a spec, str/bytes reprs and _init_module_attrs overrides, against python3.</summary>
public class ReprConformanceTests
{
    private static readonly string[] Strings =
    [
        "plain", "it's", "say \"hi\"", "both ' and \"", "back\\slash", "tab\tnew\nline\rcr", "\u0001\u007f",
        "caf\u00e9", "\u00a0nbsp", "\u00ad", "\u2028", "\ud83d\ude00", "\u4e2d\u6587", "\u0300", "\ufeff",
    ];

    [PythonFact]
    public void StrReprMatchesCPython()
    {
        JsonElement expected = PythonOracle.RunJson(
            "import sys, json; print(json.dumps([repr(s) for s in sys.argv[1:]]))", Strings);
        Assert.Equal(expected.EnumerateArray().Select(e => e.GetString()!), Strings.Select(PythonRepr.Str));
    }

    [PythonFact]
    public void BytesReprMatchesCPython()
    {
        byte[] all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        byte[][] samples = [all, "it's"u8.ToArray(), "both ' and \""u8.ToArray(), []];
        JsonElement expected = PythonOracle.RunJson(
            "import sys, json; print(json.dumps([repr(bytes.fromhex(h)) for h in sys.argv[1:]]))",
            samples.Select(Convert.ToHexStringLower));
        Assert.Equal(expected.EnumerateArray().Select(e => e.GetString()!), samples.Select(b => PythonRepr.Bytes(b)));
    }

    [PythonFact]
    public void ModuleReprWithoutSpecMatchesCPython()
    {
        JsonElement expected = PythonOracle.RunJson("""
            import json, types
            class L:
                def __repr__(self): return '<L>'
            a = types.ModuleType('a')
            b = types.ModuleType('b'); b.__file__ = '/p/b.py'
            c = types.ModuleType('c'); c.__loader__ = L()
            d = types.ModuleType('d'); del d.__name__
            e = types.ModuleType('e'); e.__file__ = None
            f = types.ModuleType('f'); f.__loader__ = L(); f.__file__ = "/it's/f.py"
            print(json.dumps([repr(x) for x in (a, b, c, d, e, f)]))
            """);
        var a = new ModuleObject("a");
        var b = new ModuleObject("b") { File = "/p/b.py" };
        var c = new ModuleObject("c") { Loader = new PlainLoader("<L>") };
        var d = new ModuleObject("d");
        d.RemoveAttribute("__name__");
        var e = new ModuleObject("e");
        e.SetAttribute("__file__", null);
        var f = new ModuleObject("f") { Loader = new PlainLoader("<L>"), File = "/it's/f.py" };
        Assert.Equal(expected.EnumerateArray().Select(x => x.GetString()!), new[] { a, b, c, d, e, f }.Select(m => m.ToString()));
    }

    [PythonFact]
    public void InitModuleAttrsOverrideRulesMatchCPython()
    {
        // A module whose attributes are partly set already: without override only the absent or
        // None ones are filled; with override all are replaced. __spec__ is always set.
        JsonElement expected = PythonOracle.RunJson("""
            import json, types, importlib.util as u
            from importlib._bootstrap import _init_module_attrs
            out = []
            for override in (False, True):
                spec = u.spec_from_file_location('pkg.mod', '/tmp/x/pkg/mod.py')
                m = types.ModuleType('other')
                m.__file__ = '/elsewhere.py'
                m.__package__ = None
                m.__cached__ = None
                m.__path__ = ['/keep']
                _init_module_attrs(spec, m, override=override)
                d = m.__dict__
                out.append({k: d[k] for k in ['__name__', '__package__', '__file__', '__cached__', '__path__']})
            print(json.dumps(out))
            """);
        foreach (bool @override in new[] { false, true })
        {
            ModuleSpec spec = ImportUtil.SpecFromFileLocation("pkg.mod", "/tmp/x/pkg/mod.py", new FakeFileLoader("SourceFileLoader", "/tmp/x/pkg/mod.py"))!;
            var module = new ModuleObject("other") { File = "/elsewhere.py", Path = new List<string> { "/keep" } };
            module.SetAttribute("__cached__", null);
            ImportUtil.InitModuleAttrs(spec, module, @override);
            JsonElement want = expected[@override ? 1 : 0];
            Assert.Equal(want.GetProperty("__name__").GetString(), module.Name);
            Assert.Equal(want.GetProperty("__package__").GetString(), module.Package);
            Assert.Equal(want.GetProperty("__file__").GetString(), module.File);
            Assert.Equal(want.GetProperty("__cached__").GetString(), module.Cached);
            Assert.Equal(want.GetProperty("__path__").EnumerateArray().Select(p => p.GetString()!), module.Path!);
            Assert.Same(spec, module.Spec);
        }
    }
}

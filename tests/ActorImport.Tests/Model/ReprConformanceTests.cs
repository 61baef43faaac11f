using System.Text.Json;
using ActorImport.Loading;
using ActorImport.Model;
using ActorImport.Python.Interpreting.Values;
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

    /// <summary>
    /// Strings built from code points (so that lone surrogates survive the trip), among them the
    /// non-printable non-ASCII characters the two former implementations disagreed on.
    /// </summary>
    private static readonly int[][] CodePointStrings =
    [
        [0xa0], [0x2028], [0x2029], [0x1f600], [0x7f], [0x80], [0x9f], [0xad], [0x378], [0xe000],
        [0xd800], [0xdfff], [0xdbff], [0xffff], [0x10ffff], [0xe0001], [0x200b], [0x3000],
        [0x27], [0x22], [0x27, 0x22], [0x27, 0x41], [0x5c, 0x0, 0x1b], [0x4e2d, 0x301, 0xd83d],
    ];

    [PythonFact]
    public void StrReprOfNonPrintableCharactersMatchesCPython()
    {
        JsonElement expected = PythonOracle.RunJson(
            "import sys, json; print(json.dumps([repr(''.join(chr(int(c, 16)) for c in a.split(',') if c)) for a in sys.argv[1:]]))",
            CodePointStrings.Select(cps => string.Join(',', cps.Select(c => c.ToString("x")))));
        Assert.Equal(expected.EnumerateArray().Select(e => e.GetString()!), CodePointStrings.Select(cps => PythonRepr.Str(FromCodePoints(cps))));
        // The interpreter's repr (error messages such as "cannot import name …") is the same one.
        Assert.Equal(expected.EnumerateArray().Select(e => e.GetString()!), CodePointStrings.Select(cps => PyRepr.Of(FromCodePoints(cps))));
    }

    /// <summary>
    /// Every code point of planes 0–2: which ones <c>repr()</c> escapes. The one allowed
    /// difference is the Unicode version: a code point that CPython's database (3.11: Unicode
    /// 14.0) does not assign yet but .NET's newer one does is escaped by CPython and printed
    /// here; every other code point must be treated alike.
    /// </summary>
    [PythonFact]
    public void StrReprEscapesTheSameCodePointsAsCPython()
    {
        JsonElement expected = PythonOracle.RunJson("""
            import json, unicodedata
            cps = range(0x30000)
            print(json.dumps({'escaped': [c for c in cps if repr(chr(c)) != "'" + chr(c) + "'"],
                              'unassigned': [c for c in cps if unicodedata.category(chr(c)) == 'Cn']}))
            """);
        var escapedByCPython = expected.GetProperty("escaped").EnumerateArray().Select(e => e.GetInt32()).ToHashSet();
        var unassignedInCPython = expected.GetProperty("unassigned").EnumerateArray().Select(e => e.GetInt32()).ToHashSet();
        var differences = Enumerable.Range(0, 0x30000)
            .Where(c => (PythonRepr.Str(FromCodePoints([c])) != "'" + FromCodePoints([c]) + "'") != escapedByCPython.Contains(c))
            .Where(c => !(unassignedInCPython.Contains(c) && System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.OtherNotAssigned))
            .Select(c => c.ToString("x4"))
            .ToList();
        Assert.True(differences.Count == 0, $"escaped differently from CPython: {string.Join(' ', differences.Take(50))} ({differences.Count})");
    }

    private static string FromCodePoints(int[] codePoints) =>
        string.Concat(codePoints.Select(c => c is >= 0xd800 and <= 0xdfff ? ((char)c).ToString() : char.ConvertFromUtf32(c)));

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
        var a = ModuleObject.ModuleType("a");
        var b = ModuleObject.ModuleType("b");
        b.File = "/p/b.py";
        var c = ModuleObject.ModuleType("c");
        c.Loader = new PlainLoader("<L>");
        var d = ModuleObject.ModuleType("d");
        d.RemoveAttribute("__name__");
        var e = ModuleObject.ModuleType("e");
        e.SetAttribute("__file__", null);
        var f = ModuleObject.ModuleType("f");
        f.Loader = new PlainLoader("<L>");
        f.File = "/it's/f.py";
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
            ModuleObject module = ModuleObject.ModuleType("other");
            module.File = "/elsewhere.py";
            module.Path = new List<string> { "/keep" };
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

using System.Text.Json;
using ActorImport.Loading;
using ActorImport.Model;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Loading;

/// <summary>ImportUtil.ResolveName against python3's importlib.util.resolve_name, results and error texts.</summary>
public class ResolveNameTests
{
    private static readonly (string Name, string? Package)[] Cases =
    [
        ("a.b", null),
        ("a.b", "pkg"),
        (".x", "pkg"),
        (".", "pkg"),
        ("..x", "pkg.sub"),
        ("..", "pkg.sub"),
        ("...x", "pkg.sub"),
        ("...x", "a.b.c"),
        ("....x", "a.b.c"),
        (".x", null),
        (".x", ""),
        ("..x", "pkg"),
        (".x.y", "a.b"),
        ("..x", "a."),
    ];

    public static IEnumerable<object[]> CaseIndexes => Enumerable.Range(0, Cases.Length).Select(i => new object[] { i });

    private static readonly Lazy<JsonElement> Oracle = new(() => PythonOracle.RunJson("""
        import sys, json, importlib.util as u
        a = sys.argv[1:]
        out = []
        for name, package in zip(a[0::2], a[1::2]):
            package = None if package == '<None>' else package
            try:
                out.append({'result': u.resolve_name(name, package)})
            except Exception as e:
                out.append({'error': [type(e).__name__, str(e)]})
        print(json.dumps(out))
        """, Cases.SelectMany(c => new[] { c.Name, c.Package ?? "<None>" })));

    [PythonTheory]
    [MemberData(nameof(CaseIndexes))]
    public void MatchesImportlibUtil(int index)
    {
        (string name, string? package) = Cases[index];
        JsonElement expected = Oracle.Value[index];
        if (expected.TryGetProperty("error", out JsonElement error))
        {
            var e = Assert.ThrowsAny<PythonException>(() => ImportUtil.ResolveName(name, package));
            Assert.Equal(error[0].GetString(), e.TypeName);
            Assert.Equal(error[1].GetString(), e.Message);
        }
        else
        {
            Assert.Equal(expected.GetProperty("result").GetString(), ImportUtil.ResolveName(name, package));
        }
    }
}

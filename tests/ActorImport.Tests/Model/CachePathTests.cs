using System.Text.Json;
using ActorImport.Loading;
using ActorImport.Model;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Model;

/// <summary>
/// CacheFromSource / SourceFromCache beyond the recorded vectors, against python3 run with the
/// same optimize flag (-O, -OO) and pycache prefix.
/// </summary>
public class CachePathTests
{
    private static readonly string[] Optimizations = ["<None>", "", "0", "1", "2", "a1", "-1", " ", "1.5", "opt", "\u00e9", "\u0663"];
    private static readonly string[] Sources = ["/foo/bar/baz.py", "/a/noext", "/a/.hidden", "/x.y/z", "rel/m.py", "/", "/a/b.tar.gz"];
    private static readonly string[] Caches =
    [
        "/c/foo/bar/baz.cpython-311.pyc", "/c/foo/bar/baz.cpython-311.opt-2.pyc", "/c/baz.cpython-311.pyc",
        "/foo/__pycache__/baz.cpython-311.opt-\u00e9.pyc", "/foo/__pycache__/.hidden.cpython-311.pyc",
        "/foo/__pycache__/baz.cpython-311.opt-1.x.pyc", "/c/__pycache__/m.cpython-311.pyc", "/cache2/m.cpython-311.pyc",
    ];

    public static IEnumerable<object[]> Flags => [[0], [1], [2]];

    [PythonTheory]
    [MemberData(nameof(Flags))]
    public void CacheFromSourceMatchesUnderEachOptimizeLevel(int optimize)
    {
        string flags = optimize switch { 0 => "", 1 => "-O", _ => "-OO" };
        JsonElement expected = PythonOracle.RunJson("""
            import sys, json, importlib.util as u
            out = []
            srcs = sys.argv[1:sys.argv.index('--')]
            opts = sys.argv[sys.argv.index('--') + 1:]
            for path in srcs:
                for opt in opts:
                    try:
                        out.append(['ok', u.cache_from_source(path, optimization=None if opt == '<None>' else opt)])
                    except Exception as e:
                        out.append([type(e).__name__, str(e)])
            print(json.dumps(out))
            """, [.. Sources, "--", .. Optimizations], flags);
        int i = 0;
        foreach (string path in Sources)
        {
            foreach (string opt in Optimizations)
            {
                JsonElement want = expected[i++];
                string? optimization = opt == "<None>" ? null : opt;
                if (want[0].GetString() == "ok")
                {
                    Assert.Equal(want[1].GetString(), CachePaths.CacheFromSource(path, optimization, flagsOptimize: optimize));
                }
                else
                {
                    var e = Assert.ThrowsAny<PythonException>(() => CachePaths.CacheFromSource(path, optimization, flagsOptimize: optimize));
                    Assert.Equal(want[0].GetString(), e.TypeName);
                    Assert.Equal(want[1].GetString(), e.Message);
                }
            }
        }
    }

    [PythonFact]
    public void PycachePrefixBothWays()
    {
        JsonElement expected = PythonOracle.RunJson("""
            import sys, json, importlib.util as u
            sys.pycache_prefix = '/c/'
            out = {'to': [], 'from': []}
            for p in ['/foo/bar/baz.py', 'rel/m.py', '/m.py']:
                out['to'].append(u.cache_from_source(p))
            for p in sys.argv[1:]:
                try:
                    out['from'].append(['ok', u.source_from_cache(p)])
                except Exception as e:
                    out['from'].append([type(e).__name__, str(e)])
            print(json.dumps(out))
            """, Caches);
        Assert.Equal(
            expected.GetProperty("to").EnumerateArray().Select(e => e.GetString()!),
            new[] { "/foo/bar/baz.py", "rel/m.py", "/m.py" }.Select(p => CachePaths.CacheFromSource(p, pycachePrefix: "/c/")));
        for (int i = 0; i < Caches.Length; i++)
        {
            JsonElement want = expected.GetProperty("from")[i];
            if (want[0].GetString() == "ok")
            {
                Assert.Equal(want[1].GetString(), CachePaths.SourceFromCache(Caches[i], pycachePrefix: "/c/"));
            }
            else
            {
                var e = Assert.ThrowsAny<PythonException>(() => CachePaths.SourceFromCache(Caches[i], pycachePrefix: "/c/"));
                Assert.Equal(want[0].GetString(), e.TypeName);
                Assert.Equal(want[1].GetString(), e.Message);
            }
        }
    }

    [Fact]
    public void NullTagIsNotImplemented()
    {
        var e = Assert.ThrowsAny<PythonException>(() => CachePaths.CacheFromSource("/a/b.py", cacheTag: null));
        Assert.Equal(("NotImplementedError", "sys.implementation.cache_tag is None"), (e.TypeName, e.Message));
        Assert.Null(CachePaths.GetCached("/a/b.py", cacheTag: null));
        Assert.Equal("/a/b.pyc", CachePaths.GetCached("/a/b.pyc", cacheTag: null));
    }

#pragma warning disable CS0618 // the deprecated debug_override form is what is tested here
    [Fact]
    public void DebugOverrideMapsToOptimization()
    {
        Assert.Equal("/a/__pycache__/b.cpython-311.pyc", CachePaths.CacheFromSource("/a/b.py", debugOverride: true));
        Assert.Equal("/a/__pycache__/b.cpython-311.opt-1.pyc", CachePaths.CacheFromSource("/a/b.py", debugOverride: false));
    }
#pragma warning restore CS0618
}

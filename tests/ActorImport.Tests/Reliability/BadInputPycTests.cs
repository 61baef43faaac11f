using System.Text.Json;
using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Loading;
using ActorImport.Model;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Reliability;

/// <summary>
/// Truncated, bad-magic, bad-flags, header-only and stale <c>.pyc</c> files. Sourceless (a
/// CPython <c>.pyc</c> alone, compiled by python3 itself): the error is CPython's. Beside a
/// source: each side corrupts its own cache file (CPython's <c>cpython-311</c>, the engine's
/// <c>actorimport-311</c>); the import succeeds and the file is rewritten with a valid header.
/// </summary>
public abstract class BadInputPycTests : BadInputTestBase
{
    public static readonly TheoryData<string> Corruptions = ["truncated", "empty", "bad-magic", "bad-flags", "header-only", "stale", "future"];

    private static byte[] Corrupt(byte[] good, string kind) => kind switch
    {
        "truncated" => good[..10],
        "empty" => [],
        "bad-magic" => [0, 0, 0, 0, .. good[4..]],
        "bad-flags" => [.. good[..4], 4, 0, 0, 0, .. good[8..]],
        "header-only" => good[..16],
        "stale" => [.. good[..8], .. new byte[4], .. good[12..]],
        "future" => [.. good[..12], 0xff, 0xff, 0, 0, .. good[16..]],
        _ => throw new ArgumentException(kind),
    };

    [PythonTheory]
    [MemberData(nameof(Corruptions))]
    public void ASourcelessPycFailsAsInCPython(string kind)
    {
        Tree.Write("src_for_pyc.py", "X = 1\n");
        string compiled = Tree["compiled.pyc"];
        PythonOracle.RunScript("import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)", [Tree["src_for_pyc.py"], compiled]);
        byte[] good = File.ReadAllBytes(compiled);
        File.Delete(Tree["src_for_pyc.py"]);
        WriteBytes("lone.pyc", Corrupt(good, kind));
        ImportOutcome cpython = BadInputOracle.Import(Tree.Root, "lone");
        ImportEngine engine = NewEngine();
        AssertSame(cpython, ImportOutcome.Of(engine, "lone"), kind);
        StillImportsAGoodModule(engine);
    }

    /// <summary>CPython's outcome for a source whose own cache file was corrupted: import result and whether the file validates afterwards.</summary>
    private static (bool Ok, bool Rewritten) CPythonWithCorruptCache(string root, string kind, byte[] replacement)
    {
        JsonElement r = PythonOracle.RunJson("""
            import sys, json, importlib, importlib.util, os
            from importlib._bootstrap_external import _classify_pyc, _validate_timestamp_pyc
            root, hexdata = sys.argv[1], sys.argv[2]
            sys.path.insert(0, root)
            import cached_mod
            cache = importlib.util.cache_from_source(cached_mod.__file__)
            with open(cache, 'wb') as f:
                f.write(bytes.fromhex(hexdata))
            del sys.modules['cached_mod']
            importlib.invalidate_caches()
            try:
                importlib.import_module('cached_mod'); ok = True
            except Exception:
                ok = False
            data = open(cache, 'rb').read()
            st = os.stat(cached_mod.__file__)
            try:
                _classify_pyc(data, 'cached_mod', {}); _validate_timestamp_pyc(data, int(st.st_mtime), st.st_size, 'cached_mod', {}); valid = True
            except Exception:
                valid = False
            print(json.dumps({'ok': ok, 'rewritten': valid}))
            """, [root, Convert.ToHexString(replacement)], flags: "-I -S");
        return (r.GetProperty("ok").GetBoolean(), r.GetProperty("rewritten").GetBoolean());
    }

    [PythonTheory]
    [MemberData(nameof(Corruptions))]
    public void ACorruptCacheBesideASourceIsIgnoredAndRewrittenAsInCPython(string kind)
    {
        Tree.Write("cached_mod.py", "X = 1\n");
        var cacheOptions = BytecodeCacheOptions.ActorImport311;
        ImportEngine first = NewEngine(configure: o => o with { CompiledCache = cacheOptions });
        first.ImportModule("cached_mod");
        string ours = cacheOptions.CacheFromSource(Tree["cached_mod.py"]);
        byte[] good = File.ReadAllBytes(ours);
        File.WriteAllBytes(ours, Corrupt(good, kind));

        var cpython = CPythonWithCorruptCache(Tree.Root, kind, Corrupt(File.ReadAllBytes(PythonCache()), kind));

        ImportEngine engine = NewEngine(configure: o => o with { CompiledCache = cacheOptions });
        ImportOutcome outcome = ImportOutcome.Of(engine, "cached_mod");
        bool ok = outcome.Ok;
        byte[] after = File.ReadAllBytes(ours);
        var info = new FileInfo(Tree["cached_mod.py"]);
        bool rewritten = Record.Exception(() =>
        {
            PycHeader.Classify(after, "cached_mod", ours);
            PycHeader.ValidateTimestamp(after, new DateTimeOffset(info.LastWriteTimeUtc).ToUnixTimeSeconds(), info.Length, "cached_mod", ours);
        }) is null;
        Assert.Equal(cpython, (ok, rewritten));
        StillImportsAGoodModule(engine);

        string PythonCache()
        {
            PythonOracle.RunScript("import sys; sys.path.insert(0, sys.argv[1]); import cached_mod", [Tree.Root], flags: "-I -S");
            return Directory.GetFiles(Tree["__pycache__"], "cached_mod.cpython-*.pyc").Single();
        }
    }
}

public sealed class BadInputPycTestsUnderActors : BadInputPycTests
{
    protected override CoordinationMode Mode => CoordinationMode.Actors;
}

public sealed class BadInputPycTestsUnderLocks : BadInputPycTests
{
    protected override CoordinationMode Mode => CoordinationMode.Locks;
}

using ActorImport.Loading;
using ActorImport.Model;
using ActorImport.Python.Caching;
using ActorImport.Python.Interpreting;
using ActorImport.Python.Syntax;
using ActorImport.Tests.Conformance;
using ActorImport.Tests.Python.Interpreting;

namespace ActorImport.Tests.Python.Caching;

public sealed class CompiledCacheTests : IDisposable
{
    private const string Source = "'''Doc.'''\nimport os\nfrom . import x as y\nA, *B = 1, 2, 3\nif os.name == 'posix':\n    C: int = 1\nelse:\n    del A\ntry:\n    pass\nexcept (ImportError, KeyError) as e:\n    raise\nelse:\n    pass\nfinally:\n    pass\n@dec\ndef f(a, /, b=1, *c, d, **e) -> int:\n    import z\nclass K(Base, metaclass=M):\n    x = [i for i in range(3)]\nwith a as (b, c), d:\n    pass\nfor i in (1, 2):\n    continue\nwhile False:\n    break\nmatch x:\n    case [1, *rest] if rest:\n        pass\nlazy import q\nglobal g\nassert x, 'm'\nX += 1\n";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "actorimport-cache-" + Guid.NewGuid().ToString("N"));

    public CompiledCacheTests()
    {
        Directory.CreateDirectory(_dir);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteSource(string name, string text, DateTime? mtime = null)
    {
        string path = Path.Combine(_dir, name + ".py");
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, mtime ?? new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        return path;
    }

    [Fact]
    public void RoundTripGivesTheSameTree()
    {
        ModuleCode code = SourceModuleRunner.Compile(System.Text.Encoding.UTF8.GetBytes(Source), "/x/m.py");
        byte[] bytes = ModuleCodeWriter.Serialize(code);
        ModuleCode back = ModuleCodeReader.Deserialize(bytes);
        Assert.Equal(bytes, ModuleCodeWriter.Serialize(back));
        Assert.Equal(code.Docstring, back.Docstring);
        Assert.Equal(code.Tokens.ToArray(), back.Tokens.ToArray());
        Assert.Equal(Describe(code.Body), Describe(back.Body));
    }

    [PythonFact]
    public void RoundTripOfAStdlibSample()
    {
        foreach (string file in new[] { "os.py", "typing.py", "importlib/__init__.py", "json/decoder.py", "asyncio/base_events.py" })
        {
            string path = Path.Combine(PythonOracle.Stdlib, file);
            ModuleCode code = SourceModuleRunner.Compile(File.ReadAllBytes(path), path);
            byte[] bytes = ModuleCodeWriter.Serialize(code);
            ModuleCode back = ModuleCodeReader.Deserialize(bytes);
            Assert.Equal(bytes, ModuleCodeWriter.Serialize(back));
            Assert.Equal(Describe(code.Body), Describe(back.Body));
        }
    }

    /// <summary>A shallow rendering of the statements (the byte-for-byte re-serialisation above is the deep check).</summary>
    private static string Describe(IEnumerable<Statement> body) => string.Join("\n", body.Select(s => s.ToString()));

    [Fact]
    public void FirstLoadWritesThenHits()
    {
        var cache = new CompiledModuleCache();
        string path = WriteSource("m", Source);
        cache.GetCode("m", path, SourceModuleRunner.Compile, out CacheOutcome first);
        Assert.False(first.Hit);
        Assert.True(first.Written);
        Assert.Equal(Path.Combine(_dir, "__pycache__", "m.actorimport-311.pyc"), first.CachePath);
        cache.GetCode("m", path, SourceModuleRunner.Compile, out CacheOutcome second);
        Assert.True(second.Hit);
        Assert.Empty(Directory.GetFiles(Path.Combine(_dir, "__pycache__"), "*.tmp"));
    }

    [Fact]
    public void StaleMtimeIsRewritten()
    {
        var cache = new CompiledModuleCache();
        string path = WriteSource("stale", "A = 1\n");
        cache.GetCode("stale", path, SourceModuleRunner.Compile, out _);
        WriteSource("stale", "A = 2\n", new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        ModuleCode code = cache.GetCode("stale", path, SourceModuleRunner.Compile, out CacheOutcome outcome);
        Assert.False(outcome.Hit);
        Assert.Equal("bytecode is stale for 'stale'", outcome.Rejection);
        Assert.True(outcome.Written);
        Assert.Equal("2", ((AssignStatement)code.Body[0]).Value.Text);
        cache.GetCode("stale", path, SourceModuleRunner.Compile, out CacheOutcome third);
        Assert.True(third.Hit);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), PycHeader.ReadMtime(File.ReadAllBytes(outcome.CachePath)));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("badmagic")]
    [InlineData("badbody")]
    [InlineData("badflags")]
    public void DamagedFilesAreIgnoredAndRewritten(string damage)
    {
        var cache = new CompiledModuleCache();
        string path = WriteSource(damage, "A = 1\n");
        cache.GetCode(damage, path, SourceModuleRunner.Compile, out CacheOutcome first);
        byte[] good = File.ReadAllBytes(first.CachePath);
        byte[] bad = damage switch
        {
            "truncated" => good[..10],
            "badmagic" => [0, 0, 0, 0, .. good[4..]],
            "badbody" => [.. good[..20]],
            _ => [.. good[..4], 4, 0, 0, 0, .. good[8..]],
        };
        File.WriteAllBytes(first.CachePath, bad);
        cache.GetCode(damage, path, SourceModuleRunner.Compile, out CacheOutcome second);
        Assert.False(second.Hit);
        Assert.NotNull(second.Rejection);
        Assert.True(second.Written);
        Assert.Equal(good, File.ReadAllBytes(first.CachePath));
    }

    [PythonFact]
    public void CachePathFollowsTheOptimizationLevelAndPrefixAsCPython()
    {
        // The cache takes the same options as specs (sys.flags.optimize, sys.pycache_prefix).
        string script = "import importlib.util, sys; print(importlib.util.cache_from_source('/a/b.py'))";
        string plain = PythonOracle.RunScript(script, flags: "-I").Trim();
        string optimized = PythonOracle.RunScript(script, flags: "-I -OO").Trim();
        string prefixed = PythonOracle.RunScript(script, flags: "-I -X pycache_prefix=/cache").Trim();
        var cpython = new BytecodeCacheOptions(PythonTarget.CacheTag311);
        Assert.Equal(plain, new CompiledModuleCache(cpython).CachePathFor("/a/b.py"));
        Assert.Equal(optimized, new CompiledModuleCache(cpython with { Optimize = 2 }).CachePathFor("/a/b.py"));
        Assert.Equal(prefixed, new CompiledModuleCache(cpython with { PycachePrefix = "/cache" }).CachePathFor("/a/b.py"));
    }

    [Fact]
    public void ACacheWithoutATagIsRefused()
    {
        // cache_tag None means no caching at all (cache_from_source raises NotImplementedError):
        // run without a cache instead of making one that cannot name its files.
        Assert.Throws<ArgumentException>(() => new CompiledModuleCache(new BytecodeCacheOptions(null)));
    }

    [Fact]
    public void NeverWriteOptionLeavesNoFile()
    {
        var cache = new CompiledModuleCache(BytecodeCacheOptions.ActorImport311 with { WriteBytecode = false });
        string path = WriteSource("nowrite", "A = 1\n");
        cache.GetCode("nowrite", path, SourceModuleRunner.Compile, out CacheOutcome outcome);
        Assert.False(outcome.Written);
        Assert.False(File.Exists(outcome.CachePath));
    }

    [Fact]
    public void CheckedHashDetectsChangesWhateverTheMtime()
    {
        var cache = new CompiledModuleCache(BytecodeCacheOptions.ActorImport311 with { InvalidationMode = PycInvalidationMode.CheckedHash });
        string path = WriteSource("checked", "A = 1\n");
        cache.GetCode("checked", path, SourceModuleRunner.Compile, out CacheOutcome first);
        Assert.Equal(PycFlags.HashBased | PycFlags.CheckSource, PycHeader.Classify(File.ReadAllBytes(first.CachePath), "checked"));
        WriteSource("checked", "A = 2\n");
        cache.GetCode("checked", path, SourceModuleRunner.Compile, out CacheOutcome second);
        Assert.Equal("hash in bytecode doesn't match hash of source 'checked'", second.Rejection);
        cache.GetCode("checked", path, SourceModuleRunner.Compile, out CacheOutcome third);
        Assert.True(third.Hit);
    }

    [Fact]
    public void UncheckedHashIsTrustedUnlessAlways()
    {
        var unchecked_ = new CompiledModuleCache(BytecodeCacheOptions.ActorImport311 with { InvalidationMode = PycInvalidationMode.UncheckedHash });
        string path = WriteSource("unchecked", "A = 1\n");
        unchecked_.GetCode("unchecked", path, SourceModuleRunner.Compile, out CacheOutcome first);
        Assert.Equal(PycFlags.HashBased, PycHeader.Classify(File.ReadAllBytes(first.CachePath), "unchecked"));
        WriteSource("unchecked", "A = 2\n", new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        ModuleCode trusted = unchecked_.GetCode("unchecked", path, SourceModuleRunner.Compile, out CacheOutcome second);
        Assert.True(second.Hit);
        Assert.Equal("1", ((AssignStatement)trusted.Body[0]).Value.Text);
        var always = new CompiledModuleCache(BytecodeCacheOptions.ActorImport311 with { CheckHashBasedPycs = CheckHashBasedPycs.Always });
        ModuleCode checkedCode = always.GetCode("unchecked", path, SourceModuleRunner.Compile, out CacheOutcome third);
        Assert.False(third.Hit);
        Assert.Equal("2", ((AssignStatement)checkedCode.Body[0]).Value.Text);
        // The rewritten file keeps the kind of the rejected one (unchecked hash), as CPython's get_code does.
        Assert.Equal(PycFlags.HashBased, PycHeader.Classify(File.ReadAllBytes(third.CachePath), "unchecked"));
    }

    [Fact]
    public void SourcelessLoaderRunsThePycWithoutItsSource()
    {
        using var fake = new FakeImportSystem().Write("dep.py", "D = 'dep'\n");
        var cache = new CompiledModuleCache();
        string path = WriteSource("nosrc", "import dep\nfrom dep import D\nX = D + '!'\n");
        cache.GetCode("nosrc", path, SourceModuleRunner.Compile, out CacheOutcome outcome);
        string pyc = Path.Combine(_dir, "nosrc.pyc");
        File.Move(outcome.CachePath, pyc);
        File.Delete(path);
        var loader = new CompiledModuleLoader("nosrc", pyc, new ModuleInterpreter(fake));
        var module = new ModuleObject("nosrc");
        module.SetAttribute("__file__", pyc);
        loader.ExecModule(module);
        Assert.Equal("dep!", module.GetAttributeOrDefault("X"));
        Assert.Equal(["dep"], fake.Executed);
    }

    [PythonFact]
    public void SourcelessLoaderPropagatesBadMagicWithCPythonsText()
    {
        string pyc = Path.Combine(_dir, "badpyc.pyc");
        File.WriteAllBytes(pyc, new byte[20]);
        var loader = new CompiledModuleLoader("badpyc", pyc, new ModuleInterpreter(new FakeImportSystem()));
        var error = Assert.ThrowsAny<PythonException>(() => loader.ExecModule(new ModuleObject("badpyc")));
        var python = PythonOracle.RunJson(
            "import sys, json, importlib.machinery as m\ntry:\n    m.SourcelessFileLoader('badpyc', sys.argv[1]).load_module()\nexcept Exception as e:\n    print(json.dumps([type(e).__name__, str(e)]))",
            [pyc]);
        Assert.Equal((python[0].GetString(), python[1].GetString()), (error.TypeName, error.Message));
    }

    [Fact]
    public void RunnerSurfacesSyntaxErrors()
    {
        string path = WriteSource("broken", "x = (\n");
        var runner = new SourceModuleRunner(new ModuleInterpreter(new FakeImportSystem()), new CompiledModuleCache());
        var error = Assert.Throws<PythonSyntaxError>(() => runner.Run(new ModuleObject("broken"), path));
        Assert.Equal(path, error.FileName);
        Assert.Equal(1, error.Line);
        Assert.False(File.Exists(Path.Combine(_dir, "__pycache__", "broken.actorimport-311.pyc")));
    }
}

using System.Diagnostics;
using ActorImport.Loading;
using ActorImport.Python.Caching;
using ActorImport.Python.Syntax;
using BenchmarkDotNet.Attributes;

namespace ActorImport.Bench.Python;

/// <summary>
/// Compiled cache versus parsing: for every top-level module of the host's CPython standard
/// library (or <c>ACTORIMPORT_BENCH_SAMPLE</c>, a directory), the time to get a
/// <see cref="ModuleCode"/> by decode + tokenize + parse (the baseline), by reading our
/// <c>.pyc</c> body from memory (header classify + deserialise), and through
/// <see cref="CompiledModuleCache.GetCode"/> on real files (stat, read, validate, deserialise).
/// Run: <c>dotnet run -c Release --project bench/ActorImport.Bench -- --filter '*CacheBenchmarks*'</c>.
/// </summary>
[Config(typeof(BenchConfig))]
public class CacheBenchmarks
{
    private string[] _paths = [];
    private byte[][] _sources = [];
    private byte[][] _pycs = [];
    private string _copyDirectory = "";
    private string[] _copies = [];
    private readonly CompiledModuleCache _cache = new();

    [GlobalSetup]
    public void Setup()
    {
        string directory = Environment.GetEnvironmentVariable("ACTORIMPORT_BENCH_SAMPLE") ?? HostStdlib.Directory();
        _paths = Directory.GetFiles(directory, "*.py").Order(StringComparer.Ordinal).ToArray();
        _sources = _paths.Select(File.ReadAllBytes).ToArray();
        _pycs = _paths.Select((p, i) => _cache.Build(SourceModuleRunner.Compile(_sources[i], p), _sources[i], 0, _sources[i].Length)).ToArray();
        _copyDirectory = Path.Combine(Path.GetTempPath(), "actorimport-cachebench-" + Environment.ProcessId);
        Directory.CreateDirectory(_copyDirectory);
        _copies = _paths.Select(p => Path.Combine(_copyDirectory, Path.GetFileName(p))).ToArray();
        for (int i = 0; i < _paths.Length; i++)
        {
            File.WriteAllBytes(_copies[i], _sources[i]);
            _cache.GetCode(Path.GetFileNameWithoutExtension(_copies[i]), _copies[i], SourceModuleRunner.Compile, out _);
        }
        Console.WriteLine($"// {_paths.Length} modules, {_sources.Sum(s => s.Length) / 1024} KiB of source, {_pycs.Sum(p => p.Length) / 1024} KiB of cache");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_copyDirectory, recursive: true);

    [Benchmark(Baseline = true, Description = "parse from source")]
    public int ParseFromSource()
    {
        int statements = 0;
        for (int i = 0; i < _paths.Length; i++)
        {
            statements += SourceModuleRunner.Compile(_sources[i], _paths[i]).Body.Length;
        }
        return statements;
    }

    [Benchmark(Description = "load .pyc body (memory)")]
    public int LoadFromCacheBytes()
    {
        int statements = 0;
        foreach (byte[] pyc in _pycs)
        {
            PycHeader.Classify(pyc, "m");
            statements += ModuleCodeReader.Deserialize(pyc.AsMemory(PycHeader.Length)).Body.Length;
        }
        return statements;
    }

    [Benchmark(Description = "CompiledModuleCache.GetCode (files, hit)")]
    public int LoadThroughCache()
    {
        int statements = 0;
        foreach (string copy in _copies)
        {
            statements += _cache.GetCode(Path.GetFileNameWithoutExtension(copy), copy, SourceModuleRunner.Compile, out _).Body.Length;
        }
        return statements;
    }
}

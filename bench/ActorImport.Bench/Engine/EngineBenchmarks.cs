using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Model;
using BenchmarkDotNet.Attributes;

namespace ActorImport.Bench.Engine;

/// <summary>
/// A host finder whose modules exist under every name with a prefix and run nothing, so each
/// benchmark invocation can import a module nobody imported before. Thread-safe (stateless).
/// </summary>
internal sealed class EmptyModules(string prefix) : IMetaPathFinder, ILoader, IThreadSafe
{
    public ModuleSpec? FindSpec(string fullname, IReadOnlyList<string>? path, ModuleObject? target = null) =>
        fullname.StartsWith(prefix, StringComparison.Ordinal) ? new ModuleSpec(fullname, this) : null;

    public void InvalidateCaches()
    {
    }

    public ModuleObject? CreateModule(ModuleSpec spec) => null;

    public void ExecModule(ModuleObject module)
    {
    }
}

/// <summary>
/// Cached <c>ImportModule</c> (the fast path: one lock-free read, no message), actors against
/// locks. Run: <c>dotnet run -c Release --project bench/ActorImport.Bench -- --filter '*CachedImportBenchmarks*'</c>.
/// </summary>
[Config(typeof(BenchConfig))]
public class CachedImportBenchmarks
{
    private ImportEngine _engine = null!;

    [Params(CoordinationMode.Actors, CoordinationMode.Locks)]
    public CoordinationMode Coordination { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _engine = new ImportEngine(new ImportEngineOptions { Coordination = Coordination, IncludeStartupModules = false });
        _engine.MetaPath.Insert(0, new EmptyModules("bench_"));
        _engine.ImportModule("bench_cached");
        _engine.ImportModule("bench_pkg");
    }

    [GlobalCleanup]
    public void Cleanup() => _engine.Dispose();

    [Benchmark(Description = "cached import_module")]
    public object? Cached() => _engine.ImportModule("bench_cached");

    /// <summary>1, 2 and 4 threads, each 1000 cached imports: per import per thread = time / 1000.</summary>
    [Benchmark(Description = "cached import_module, N threads x 1000")]
    [Arguments(1)]
    [Arguments(2)]
    [Arguments(4)]
    public void CachedThreads(int threads) =>
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
        {
            for (int i = 0; i < 1000; i++)
            {
                _engine.ImportModule("bench_cached");
            }
        });
}

/// <summary>
/// A first import: uncontended (one chain; no message under actors: the claim slot), and 64
/// chains importing the same new module at once (waits and module actors). Each invocation
/// imports a name never imported before.
/// Run: <c>dotnet run -c Release --project bench/ActorImport.Bench -- --filter '*FirstImportBenchmarks*'</c>.
/// </summary>
[Config(typeof(BenchConfig))]
public class FirstImportBenchmarks
{
    private ImportEngine _engine = null!;
    private long _next;

    [Params(CoordinationMode.Actors, CoordinationMode.Locks)]
    public CoordinationMode Coordination { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _engine = new ImportEngine(new ImportEngineOptions { Coordination = Coordination, IncludeStartupModules = false });
        _engine.MetaPath.Insert(0, new EmptyModules("cold_"));
    }

    [GlobalCleanup]
    public void Cleanup() => _engine.Dispose();

    [Benchmark(Description = "uncontended first import")]
    public object? Uncontended() => _engine.ImportModule($"cold_{Interlocked.Increment(ref _next)}");

    [Benchmark(Description = "64-way contended first import")]
    public void Contended64()
    {
        string name = $"cold_{Interlocked.Increment(ref _next)}";
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 64 }, _ => _engine.ImportModule(name));
    }
}

using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Model;
using ActorImport.Python.Caching;
using ActorImport.Stress.Reports;

namespace ActorImport.Cli.Bench;

/// <summary>
/// Times this engine importing a <see cref="BenchWorkload"/> in-process: a new
/// <see cref="ImportEngine"/> per repetition (its construction, with the start-up modules, is not
/// timed, as CPython's start-up is not), the entry points imported by N threads that start
/// together (<see cref="ImportRun"/>: thread i begins at entry point i). Actors engines share one
/// actor system (created once, from the configuration's <c>akka</c> section), so an actor
/// system's start is not timed either. Our compiled cache lives under a temporary
/// <c>pycache_prefix</c> (never next to the sources), filled by the warm-up round. Owns that
/// directory and the actor system; one caller at a time.
/// </summary>
internal sealed class EngineBenchRunner : IDisposable
{
    private readonly ImportEngineOptions _options;
    private readonly BenchWorkload _workload;
    private ImportActorSystem? _actors;
    private readonly string _cachePrefix = Directory.CreateTempSubdirectory("actorimport-bench-ours-").FullName;

    /// <param name="options">The configured engine options (search path, interpreter budget, cache tag and mode).</param>
    public EngineBenchRunner(ImportEngineOptions options, BenchWorkload workload)
    {
        _options = options;
        _workload = workload;
        _actors = NewActorSystem();
    }

    /// <summary>
    /// One repetition: import ms, the process's CPU ms meanwhile (every thread: importing
    /// threads, actor dispatchers, GC, background JIT), modules added. A failed import is a
    /// <see cref="BenchFailure"/>.
    /// </summary>
    public BenchSample Run(EngineCase @case)
    {
        using var engine = NewEngine(@case);
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        TimeSpan cpu = process.TotalProcessorTime;
        ImportRun run = ImportRun.Execute(engine, _workload.EntryPoints, @case.Threads);
        process.Refresh();
        double cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;
        ThrowOnFailure(run, @case);
        return new BenchSample(run.Elapsed.TotalMilliseconds, cpuMs, run.Added.Count);
    }

    /// <summary>
    /// Terminates the shared actor system (waiting for it), so that no actor of an earlier
    /// engine is still stopping when the memory probes collect: its module map would be freed
    /// between a probe's two readings. <see cref="Run"/> cannot be called afterwards.
    /// </summary>
    public void ReleaseSharedActorSystem()
    {
        _actors?.Dispose();
        _actors = null;
    }

    /// <summary>
    /// One import of the entry points on one thread, with the compiled cache warm, measured as
    /// <c>GC.GetTotalMemory(forceFullCollection: true)</c> after minus before (the engine built
    /// and alive both times: what the imported modules keep on the managed heap) and
    /// <c>GC.GetTotalAllocatedBytes(precise: true)</c> after minus before (everything the import
    /// allocated, garbage included, on any thread of the process).
    /// </summary>
    public MemorySample Memory(CoordinationMode coordination, LazyImportMode lazy)
    {
        var @case = new EngineCase(coordination, lazy, Threads: 1, Cached: true);
        // Each probe's actors get a system of their own, created (like the engine) before the first reading.
        using ImportActorSystem? own = coordination == CoordinationMode.Actors ? NewActorSystem() : null;
        using var engine = NewEngine(@case, own);
        long before = GC.GetTotalMemory(forceFullCollection: true);
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        ImportRun run = ImportRun.Execute(engine, _workload.EntryPoints, 1);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        long retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(engine);
        ThrowOnFailure(run, @case);
        return new MemorySample(retained, allocated, run.Added.Count);
    }

    private ImportActorSystem NewActorSystem() =>
        ImportActorSystem.Create(_options.Configuration ?? new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), "actor-import-bench");

    private ImportEngine NewEngine(EngineCase @case, ImportActorSystem? actors = null)
    {
        BytecodeCacheOptions? cache = @case.Cached
            ? (_options.CompiledCache ?? BytecodeCacheOptions.ActorImport311) with { PycachePrefix = _cachePrefix, WriteBytecode = true }
            : null;
        var options = _options with
        {
            SearchPath = [.. _workload.SearchPath, .. _options.SearchPath],
            Coordination = @case.Coordination,
            Interpreter = _options.Interpreter with { LazyImports = @case.Lazy },
            CompiledCache = cache,
        };
        if (@case.Coordination != CoordinationMode.Actors)
        {
            return new ImportEngine(options);
        }
        actors ??= _actors ?? throw new InvalidOperationException("the shared actor system was released");
        return new ImportEngine(options, actors.System);
    }

    private static void ThrowOnFailure(ImportRun run, EngineCase @case)
    {
        if (run.ResultsByThread.SelectMany(r => r).FirstOrDefault(r => !r.Ok) is { } failed)
        {
            throw new BenchFailure($"the engine ({@case.Label}) failed to import {failed.Name}: {failed.Error?.Message}");
        }
    }

    public void Dispose()
    {
        _actors?.Dispose();
        Directory.Delete(_cachePrefix, recursive: true);
    }
}

/// <summary>An import failed on one side: the bench stops with this one-line message. Immutable.</summary>
internal sealed class BenchFailure(string message) : Exception(message);

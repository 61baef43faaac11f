using System.Diagnostics;
using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Loading;
using ActorImport.Model;

namespace ActorImport.Bench.Engine;

/// <summary>
/// One-shot probe (not BenchmarkDotNet): loads <c>count</c> modules from an empty-body host
/// finder (<see cref="EmptyModules"/>) into a new engine, per coordination, and prints the time,
/// the bytes retained per module (<c>GC.GetTotalMemory(true)</c> before and after, engine kept
/// alive), the bytes allocated per module on the importing thread, and the same two figures for
/// the module objects alone (name, <see cref="ModuleSpec"/>, <c>module_from_spec</c>'s module, held
/// in an array), so that engine overhead = engine − modules.
/// Run: <c>dotnet run -c Release -- memory [count] [threads]</c>. Stateless; single-threaded driver.
/// </summary>
public static class MemoryProbe
{
    public static void Run(int count, int threads)
    {
        var loader = new EmptyModules("mem_");
        (long moduleRetained, long moduleAllocated) = ModulesAlone(count, loader);
        Console.WriteLine($"modules alone: {count} modules, retained {moduleRetained / (double)count:F0} B/module, allocated {moduleAllocated / (double)count:F0} B/module");
        foreach (CoordinationMode mode in new[] { CoordinationMode.Actors, CoordinationMode.Locks })
        {
            using var engine = new ImportEngine(new ImportEngineOptions { Coordination = mode, IncludeStartupModules = false });
            engine.MetaPath.Insert(0, loader);
            engine.ImportModule("mem_warmup");
            long before = GC.GetTotalMemory(forceFullCollection: true);
            long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                for (int i = t; i < count; i += threads)
                {
                    engine.ImportModule($"mem_{i}");
                }
            });
            watch.Stop();
            long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            long retained = GC.GetTotalMemory(forceFullCollection: true) - before;
            GC.KeepAlive(engine);
            Console.WriteLine(
                $"{mode}: {count} modules, {threads} thread(s), {watch.Elapsed.TotalMilliseconds:F0} ms ({watch.Elapsed.TotalMilliseconds * 1000 / count:F2} µs/module), " +
                $"retained {retained / (double)count:F0} B/module (engine overhead {(retained - moduleRetained) / (double)count:F0} B/module), " +
                $"allocated {allocated / (double)count:F0} B/module (engine {(allocated - moduleAllocated) / (double)count:F0} B/module), " +
                $"working set {Environment.WorkingSet / (1024 * 1024)} MB, sys.modules {engine.Modules.Count}, claims {engine.Statistics.Claims}, module actors {engine.Statistics.ModuleActorsStarted}");
        }
    }

    /// <summary>What the modules themselves cost: the same name strings, specs and modules, in an array.</summary>
    private static (long Retained, long Allocated) ModulesAlone(int count, EmptyModules loader)
    {
        var modules = new ModuleObject[count];
        long before = GC.GetTotalMemory(forceFullCollection: true);
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (int i = 0; i < count; i++)
        {
            modules[i] = ImportUtil.ModuleFromSpec(new ModuleSpec($"mem_{i}", loader));
        }
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        long retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(modules);
        return (retained, allocated);
    }
}

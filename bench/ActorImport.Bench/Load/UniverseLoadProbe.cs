using System.Diagnostics;
using ActorImport.Configuration;
using ActorImport.Engine;

namespace ActorImport.Bench.Load;

/// <summary>
/// One-shot load probe (issue 11, "Load"; not BenchmarkDotNet): writes a universe of
/// <c>count</c> source modules (packages of 100 modules; module k of a package imports module
/// k-1 relatively, so every package is a 100-deep chain), then, per coordination, a fresh engine
/// imports every module from <c>threads</c> threads, each starting at its own offset and going
/// round (every thread asks for every name: the contended first imports, then the fast path).
/// Prints the time, the bytes retained per module (<c>GC.GetTotalMemory(true)</c> before the
/// engine and after the run, engine alive), the peak working set, and checks that every module
/// is in sys.modules and none is left initialising. No compiled cache (each body is parsed).
/// The retained figure is only meaningful for the first coordination a process measures (what
/// the earlier engine leaves behind is freed during the later run: it once came out negative),
/// so record one coordination per process.
/// Run: <c>dotnet run -c Release -- load-universe [count] [threads] [actors|locks|both]</c>.
/// Stateless; single-threaded driver.
/// </summary>
public static class UniverseLoadProbe
{
    private const int PerPackage = 100;

    public static void Run(int count, int threads, string modes)
    {
        string root = Path.Combine(Path.GetTempPath(), $"actorimport-load-{Guid.NewGuid():N}");
        try
        {
            var watch = Stopwatch.StartNew();
            string[] names = Write(root, count);
            Console.WriteLine($"universe: {names.Length:N0} modules in {names.Length / PerPackage:N0} packages written in {watch.Elapsed.TotalSeconds:F1} s under {root}");
            foreach (CoordinationMode mode in modes switch { "actors" => [CoordinationMode.Actors], "locks" => [CoordinationMode.Locks], _ => new[] { CoordinationMode.Actors, CoordinationMode.Locks } })
            {
                Measure(root, names, threads, mode);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string[] Write(string root, int count)
    {
        var names = new List<string>(count);
        for (int p = 0; names.Count < count; p++)
        {
            string package = Path.Combine(root, $"lp{p}");
            Directory.CreateDirectory(package);
            File.WriteAllText(Path.Combine(package, "__init__.py"), $"P = {p}\n");
            for (int k = 0; k < PerPackage && names.Count < count; k++)
            {
                File.WriteAllText(Path.Combine(package, $"m{k}.py"), k == 0 ? "X = 0\n" : $"from . import m{k - 1}\nX = m{k - 1}.X + 1\ndef f(a, b=1):\n    return a\n");
                names.Add($"lp{p}.m{k}");
            }
        }
        return [.. names];
    }

    private static void Measure(string root, string[] names, int threads, CoordinationMode mode)
    {
        long before = GC.GetTotalMemory(forceFullCollection: true);
        using var engine = new ImportEngine(new ImportEngineOptions { SearchPath = [root], Coordination = mode, IncludeStartupModules = false });
        int startModules = engine.Modules.Count;
        var failures = 0L;
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            int offset = (int)((long)names.Length * t / threads);
            for (int i = 0; i < names.Length; i++)
            {
                try
                {
                    engine.ImportModule(names[(offset + i) % names.Length]);
                }
                catch (Exception e)
                {
                    if (Interlocked.Increment(ref failures) <= 5)
                    {
                        Console.WriteLine($"  failure: {e.GetType().Name}: {e.Message}");
                    }
                }
            }
        }, maxStackSize: 16 * 1024 * 1024)).ToArray();
        foreach (Thread worker in workers)
        {
            worker.Start();
        }
        foreach (Thread worker in workers)
        {
            worker.Join();
        }
        watch.Stop();
        long retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        int loaded = engine.Modules.Count - startModules;
        int initialising = engine.Modules.Initializing().Count;
        bool all = names.All(engine.Modules.ContainsKey);
        GC.KeepAlive(engine);
        Console.WriteLine(
            $"{mode}: {threads} threads x {names.Length:N0} names = {(long)threads * names.Length:N0} calls in {watch.Elapsed.TotalSeconds:F1} s " +
            $"({watch.Elapsed.TotalMilliseconds * 1000 / names.Length:F1} µs per module); sys.modules +{loaded:N0} (every name: {all}), initialising {initialising}, failures {failures}; " +
            $"retained {retained / (double)loaded:F0} B/module ({retained / (1024.0 * 1024):F0} MB), peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB; " +
            $"bodies {engine.Statistics.BodiesExecuted:N0}, waits {engine.Statistics.Waits:N0}, module actors {engine.Statistics.ModuleActorsStarted:N0}");
    }
}

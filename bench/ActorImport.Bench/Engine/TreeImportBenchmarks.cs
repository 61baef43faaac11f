using ActorImport.Model;
using System.Globalization;
using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Python.Caching;
using ActorImport.Stress;
using Akka.Actor;
using Akka.Configuration;
using BenchmarkDotNet.Attributes;

namespace ActorImport.Bench.Engine;

/// <summary>
/// Cold import of a generated 2,000-module tree (100 packages × 20 modules; each
/// <c>__init__</c> imports its modules, each module imports a sibling — cycles included) by a
/// new engine, with 1 and 4 threads (thread t imports packages t, t+4, …), actors against
/// locks, the compiled cache warm. CPython importing the same files with a warm
/// <c>__pycache__</c> (one process, measured inside python3) is printed by the setup as the
/// side-by-side figure. The tree is <see cref="GeneratedTree"/>'s, which <c>actorimport bench --generated</c> imports too. Run: <c>dotnet run -c Release --project bench/ActorImport.Bench -- --filter '*TreeImportBenchmarks*'</c>.
/// </summary>
[Config(typeof(BenchConfig))]
public class TreeImportBenchmarks
{
    private const int Packages = GeneratedTree.DefaultPackages;
    private const int ModulesPerPackage = GeneratedTree.DefaultModulesPerPackage;
    private string _root = "";
    private ActorSystem _system = null!;
    private BytecodeCacheOptions _cache = null!;

    [Params(CoordinationMode.Actors, CoordinationMode.Locks)]
    public CoordinationMode Coordination { get; set; }

    [Params(1, 4)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), $"actorimport-treebench-{Environment.ProcessId}-{Coordination}-{Threads}");
        GeneratedTree.Write(_root, Packages, ModulesPerPackage);
        _cache = BytecodeCacheOptions.ActorImport311 with { PycachePrefix = Path.Combine(_root, "__ourcache__") };
        _system = ActorSystem.Create("tree-bench", ConfigurationFactory.ParseString(ActorImport.Configuration.AkkaSection.Defaults));
        Import();
        double cpython = CPythonTimer.Seconds("""
            import sys, time, compileall
            sys.path.insert(0, sys.argv[1])
            compileall.compile_dir(sys.argv[1], quiet=1)
            t = time.perf_counter()
            for p in range(int(sys.argv[2])):
                __import__(f'tp{p}')
            print(time.perf_counter() - t)
            """, "-I -S", [_root, Packages.ToString(CultureInfo.InvariantCulture)]);
        Console.WriteLine($"// CPython 3.11, warm __pycache__, 1 thread: {cpython * 1000:F1} ms for {Packages * (ModulesPerPackage + 1)} modules");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _system.Terminate().Wait(TimeSpan.FromSeconds(10));
        Directory.Delete(_root, recursive: true);
    }

    [Benchmark(Description = "cold import of a 2,000-module tree")]
    public int Import() => Import(inlinePathEntries: false);

    /// <summary>
    /// The same with path entries searched on the importing thread (the lock coordination's
    /// transport) under either coordination: separates the claim protocol's cost from the
    /// path-entry actors' (identical to <see cref="Import()"/> under locks).
    /// </summary>
    [Benchmark(Description = "cold import of a 2,000-module tree, path entries inline")]
    public int ImportInlinePathEntries() => Import(inlinePathEntries: true);

    private int Import(bool inlinePathEntries)
    {
        using var engine = new ImportEngine(new ImportEngineOptions
        {
            SearchPath = [_root],
            Coordination = Coordination,
            CompiledCache = _cache,
            IncludeStartupModules = false,
            PathEntries = inlinePathEntries ? static (state, _) => new ActorImport.Discovery.InlinePathEntryAsker(state) : null,
        }, _system);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            for (int p = t; p < Packages; p += Threads)
            {
                engine.ImportModule($"tp{p}");
            }
        })).ToArray();
        foreach (Thread thread in threads)
        {
            thread.Start();
        }
        foreach (Thread thread in threads)
        {
            thread.Join();
        }
        return engine.Modules.Count;
    }
}

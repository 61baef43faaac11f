using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Model;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Engine.CPython;

/// <summary>
/// test/test_importlib/test_threaded_import.py (3.11) ported, against both coordinations, on
/// the host's standard library. Left out: test_import_hangers and test_side_effect_import
/// (their module bodies start threads, which the import-level interpreter does not run), and
/// the concurrent.futures / multiprocessing scripts (they need a process).
/// </summary>
public abstract class ThreadedImportTests : EngineTestBase
{
    private ImportEngine StdlibEngine()
    {
        string[] path = PythonOracle.RunJson("import sys, json\nprint(json.dumps(sys.path))", flags: "-I -S").EnumerateArray().Select(e => e.GetString()!).ToArray();
        return NewEngine(o => o with { SearchPath = [Tree.Root, .. path], StdlibDirectory = PythonOracle.Stdlib });
    }

    /// <summary>check_parallel_module_init: N chains import random and modulefinder in alternating orders; no errors.</summary>
    private static void CheckParallelModuleInit(ImportEngine engine)
    {
        foreach (int n in new[] { 20, 50, 20, 50, 20, 50 })
        {
            engine.Modules.Remove("random");
            engine.Modules.Remove("modulefinder");
            var results = RunTogether(n, i =>
            {
                // Alternating orders, as CPython's test does.
                string[] order = i % 2 == 0 ? ["modulefinder", "random"] : ["random", "modulefinder"];
                return order.Select(name => engine.ImportName(name)).ToArray();
            });
            Assert.All(results, r => Assert.Null(r.Error));
            Assert.Empty(engine.Modules.Initializing());
        }
    }

    /// <summary>A host finder that is not thread-safe: it detects concurrent calls (the engine must gate it).</summary>
    private sealed class Finder : IMetaPathFinder
    {
        private readonly Lock _gate = new();
        private int _numcalls;

        public int NumCalls => Volatile.Read(ref _numcalls);

        public int X { get; private set; }

        public ModuleSpec? FindSpec(string fullname, IReadOnlyList<string>? path, ModuleObject? target = null)
        {
            lock (_gate)
            {
                _numcalls++;
            }
            int x = X;
            Thread.Sleep(1);
            X = x + 1;
            return null;
        }

        public void InvalidateCaches()
        {
        }
    }

    [PythonFact]
    public void ParallelModuleInit() => CheckParallelModuleInit(StdlibEngine());

    [PythonFact]
    public void ParallelMetaPath()
    {
        var engine = StdlibEngine();
        var finder = new Finder();
        engine.MetaPath.Insert(0, finder);
        CheckParallelModuleInit(engine);
        Assert.True(finder.NumCalls > 0);
        Assert.Equal(finder.NumCalls, finder.X);
    }

    [PythonFact]
    public void ParallelPathHooks()
    {
        var engine = StdlibEngine();
        var finder = new Finder();
        engine.PathHooks.Insert(0, _ =>
        {
            finder.FindSpec("", null);
            throw new ImportError("declined");
        });
        engine.PathImporterCache.Clear();
        CheckParallelModuleInit(engine);
        Assert.True(finder.NumCalls > 0);
        Assert.Equal(finder.NumCalls, finder.X);
    }

    [Fact]
    public void CircularImports()
    {
        const string delay = "0.1";
        Tree.Write("A.py", $"import time\ntime.sleep({delay})\nx = 'a'\nimport C\n")
            .Write("B.py", $"import time\ntime.sleep({delay})\nx = 'b'\nimport D\n")
            .Write("C.py", "import B\n")
            .Write("D.py", "import A\n");
        var engine = NewEngine();
        var results = new System.Collections.Concurrent.ConcurrentBag<object?>();
        var t1 = new Thread(() => results.Add(Module(engine.ImportName("A")).GetAttributeOrDefault("x")));
        var t2 = new Thread(() => results.Add(Module(engine.ImportName("B")).GetAttributeOrDefault("x")));
        t1.Start();
        t2.Start();
        Assert.True(t1.Join(HangDetector) && t2.Join(HangDetector), "a chain hung");
        Assert.Equal(new HashSet<object?> { "a", "b" }, results.ToHashSet());
    }
}

public sealed class ActorThreadedImportTests : ThreadedImportTests
{
    protected override CoordinationMode Mode => CoordinationMode.Actors;
}

public sealed class LockThreadedImportTests : ThreadedImportTests
{
    protected override CoordinationMode Mode => CoordinationMode.Locks;
}

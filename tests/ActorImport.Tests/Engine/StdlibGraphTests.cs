using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Model;
using ActorImport.Python.Caching;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Engine;

/// <summary>
/// Issue 8's stdlib import graphs: for every top-level stdlib module that
/// <c>python3 -I -S -c "import M"</c> imports without error, the set of modules
/// <c>import M</c> adds to <c>sys.modules</c> here against CPython's (python3 computes them at
/// test time). Mismatches are written to a report (<c>ACTORIMPORT_SWEEP_REPORT</c>, default a
/// temporary file) with their cause; the test fails on a hang, on a module left initialising,
/// and when the rate of equal graphs drops below 97% (287 of 293 on 2026-11-29; see docs/conformance.md).
/// </summary>
public sealed class StdlibGraphTests : EngineTestBase
{
    protected override CoordinationMode Mode => CoordinationMode.Actors;

    /// <summary>Modules whose import has effects outside the process (a browser) or is a GUI stack.</summary>
    private static readonly string[] Excluded = ["antigravity", "this", "idlelib", "tkinter", "turtle", "turtledemo", "test"];

    private const string Script = """
        import sys, subprocess, json, os, sysconfig, pkgutil
        stdlib = sysconfig.get_paths()['stdlib']
        names = sorted({m.name for m in pkgutil.iter_modules([stdlib, os.path.join(stdlib, 'lib-dynload')])} | set(sys.builtin_module_names))
        out = {}
        for n in names:
            if n in sys.argv[1:] or n.startswith('_test') or n == '__main__':
                continue
            r = subprocess.run([sys.executable, '-I', '-S', '-c', f"import sys; b=set(sys.modules); import {n}; print(sorted(set(sys.modules)-b))"], capture_output=True, text=True, timeout=120)
            if r.returncode == 0:
                out[n] = eval(r.stdout.strip().splitlines()[-1])
        print(json.dumps(out))
        """;

    [PythonFact]
    public void ImportingEachStdlibModuleAddsTheModulesCPythonAdds()
    {
        var expected = PythonOracle.RunJson(Script, Excluded).EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal));
        string[] path = PythonOracle.RunJson("import sys, json\nprint(json.dumps(sys.path))", flags: "-I -S").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var cache = BytecodeCacheOptions.ActorImport311 with { PycachePrefix = Tree["pycache"] };
        var report = new List<string>();
        int equal = 0;
        foreach (var (name, cpython) in expected.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            using var engine = NewEngine(o => o with
            {
                SearchPath = path,
                StdlibDirectory = PythonOracle.Stdlib,
                CompiledCache = cache,
                Interpreter = o.Interpreter with { HonourSleep = false },
            });
            var before = engine.Modules.Keys.ToHashSet(StringComparer.Ordinal);
            string? error = null;
            var import = Task.Run(() =>
            {
                try
                {
                    engine.ImportName(name);
                }
                catch (Exception e)
                {
                    error = e is PythonException p ? p.ToString() : e.GetType().Name + ": " + e.Message;
                }
            });
            Assert.True(import.Wait(HangDetector), $"import {name} hung");
            Assert.Empty(engine.Modules.Initializing());
            var added = engine.Modules.Keys.Where(k => !before.Contains(k)).ToHashSet(StringComparer.Ordinal);
            if (added.SetEquals(cpython))
            {
                equal++;
                continue;
            }
            report.Add($"{name}: missing [{string.Join(", ", cpython.Except(added).Order())}] extra [{string.Join(", ", added.Except(cpython).Order())}]{(error is null ? "" : " error: " + error)}");
        }
        string reportPath = Environment.GetEnvironmentVariable("ACTORIMPORT_SWEEP_REPORT") ?? Path.Combine(Path.GetTempPath(), "actorimport-stdlib-graphs.txt");
        File.WriteAllLines(reportPath, [$"{equal}/{expected.Count} equal", .. report]);
        Assert.True(equal * 100 >= expected.Count * 97, $"{equal}/{expected.Count} graphs equal; see {reportPath}");
    }

    /// <summary>
    /// Concurrency does not change the outcome: 8 chains importing a set of stdlib packages in
    /// different orders leave the same <c>sys.modules</c> as one chain importing them, with no
    /// error, nothing initialising, and every body run once — under both coordinations.
    /// </summary>
    [PythonTheory]
    [InlineData(CoordinationMode.Actors)]
    [InlineData(CoordinationMode.Locks)]
    public void EightChainsOnTheStdlibReachTheStateOneChainReaches(CoordinationMode mode)
    {
        string[] names = ["json", "typing", "argparse", "logging", "pathlib", "dataclasses", "textwrap", "string", "email.message", "http.client", "urllib.parse", "csv", "tempfile", "shutil", "configparser", "decimal", "fractions", "ipaddress", "uuid", "zipfile"];
        string[] path = PythonOracle.RunJson("import sys, json\nprint(json.dumps(sys.path))", flags: "-I -S").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var cache = BytecodeCacheOptions.ActorImport311 with { PycachePrefix = Tree["pycache"] };
        ImportEngineOptions Configure(ImportEngineOptions o) => o with
        {
            SearchPath = path,
            StdlibDirectory = PythonOracle.Stdlib,
            CompiledCache = cache,
            Coordination = mode,
            Interpreter = o.Interpreter with { HonourSleep = false },
        };
        using var single = NewEngine(Configure);
        foreach (string name in names)
        {
            single.ImportModule(name);
        }
        using var many = NewEngine(Configure);
        var results = RunTogether(8, t =>
        {
            for (int i = 0; i < names.Length; i++)
            {
                many.ImportModule(names[(i * 7 + t * 3) % names.Length]);
            }
            return null;
        });
        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Empty(many.Modules.Initializing());
        Assert.Equal(single.Modules.Keys.Order(StringComparer.Ordinal), many.Modules.Keys.Order(StringComparer.Ordinal));
        // Every module in sys.modules was initialised successfully exactly once. A body may also
        // have failed and run again: a chain that meets another chain's partial module (a
        // cross-chain cycle) can get an ImportError that a `try: … except ImportError` swallows,
        // as in CPython with threads; those attempts are counted apart.
        Assert.Equal(
            single.Statistics.BodiesExecuted - single.Statistics.BodiesFailed,
            many.Statistics.BodiesExecuted - many.Statistics.BodiesFailed);
    }
}

using System.Text.Json;

namespace ActorImport.Tests.Conformance;

/// <summary>
/// CPython's answer to "which modules does <c>import M</c> add to <c>sys.modules</c>?" for every
/// top-level module of the standard library (its source modules, packages, <c>lib-dynload</c>
/// extensions and built-ins), each asked in a fresh <c>python3 -I -S</c>. Computed once per
/// test run. Thread-safety: immutable after the lazy computation.
/// </summary>
public static class StdlibGraphOracle
{
    /// <summary>
    /// Modules left out: their import has effects outside the process (antigravity opens a web
    /// browser), they are the test suite or IDLE (thousands of modules, GUI), or they are not
    /// importable by name.
    /// </summary>
    public static readonly IReadOnlySet<string> LeftOut = new HashSet<string>(StringComparer.Ordinal)
    {
        "antigravity", "this", "__main__", "idlelib", "test", "turtledemo",
    };

    // One python3 drives the probes, four at a time; each probe records sys.modules before and
    // after the import statement, and imports json only afterwards so it does not pollute.
    private const string Script = """
        import sys, json, pkgutil, sysconfig, subprocess, os
        from concurrent.futures import ThreadPoolExecutor
        stdlib = sysconfig.get_paths()['stdlib']
        dynload = os.path.join(stdlib, 'lib-dynload')
        left_out = set(sys.argv[1:])
        names = sorted({m.name for m in pkgutil.iter_modules([stdlib, dynload])} | set(sys.builtin_module_names))
        names = [n for n in names if n not in left_out and n.isidentifier()]
        probe = ("import sys\nb=set(sys.modules)\nimport {0}\na=set(sys.modules)\n"
                 "import json\nprint(json.dumps(sorted(a-b)))")
        def one(n):
            p = subprocess.run([sys.executable, '-I', '-S', '-c', probe.format(n)],
                               capture_output=True, text=True, timeout=120)
            if p.returncode != 0:
                last = (p.stderr.strip().splitlines() or [''])[-1]
                return n, {'error': last}
            return n, {'added': json.loads(p.stdout.strip().splitlines()[-1])}
        with ThreadPoolExecutor(4) as ex:
            print(json.dumps(dict(ex.map(one, names))))
        """;

    private static readonly Lazy<IReadOnlyDictionary<string, Outcome>> Outcomes = new(Compute);

    /// <summary>What <c>import M</c> did in CPython: the modules it added, or the error's last line.</summary>
    public sealed record Outcome(IReadOnlySet<string>? Added, string? Error);

    /// <summary>Every probed top-level name with CPython's outcome.</summary>
    public static IReadOnlyDictionary<string, Outcome> All => Outcomes.Value;

    private static IReadOnlyDictionary<string, Outcome> Compute()
    {
        JsonElement root = PythonOracle.RunJson(Script, LeftOut, flags: "-I -S");
        var outcomes = new SortedDictionary<string, Outcome>(StringComparer.Ordinal);
        foreach (JsonProperty module in root.EnumerateObject())
        {
            outcomes[module.Name] = module.Value.TryGetProperty("added", out JsonElement added)
                ? new Outcome(added.EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal), null)
                : new Outcome(null, module.Value.GetProperty("error").GetString());
        }
        return outcomes;
    }
}

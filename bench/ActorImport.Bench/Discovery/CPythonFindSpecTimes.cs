namespace ActorImport.Bench.Discovery;

/// <summary>
/// CPython's time for one pass of find_spec over the stdlib names, in a fresh
/// <c>python3 -I -S</c>: cold = the first pass after <c>importlib.invalidate_caches()</c> with an
/// empty <c>sys.path_importer_cache</c>, warm = a second pass in the same process. Two variants:
/// <c>importlib.util.find_spec</c> (which imports each parent package, executing its body) and
/// find-only (<c>_bootstrap._find_spec</c> with the parent's search locations taken from the
/// parent's spec, no execution — what this engine does). Stateless.
/// </summary>
public static class CPythonFindSpecTimes
{
    private const string Script = """
        import sys, time, importlib, importlib.util, warnings
        from importlib import _bootstrap
        warnings.simplefilter('ignore')
        out, sys.stdout = sys.stdout, sys.stderr
        names = open(sys.argv[1]).read().split()
        mode = sys.argv[2]
        def util_pass():
            for n in names:
                try:
                    importlib.util.find_spec(n)
                except BaseException:
                    pass
        def find_only_pass():
            specs = {}
            for n in names:
                parent, _, _ = n.rpartition('.')
                try:
                    if parent:
                        p = specs.get(parent)
                        if p is None or p.submodule_search_locations is None:
                            continue
                        specs[n] = _bootstrap._find_spec(n, list(p.submodule_search_locations))
                    else:
                        specs[n] = _bootstrap._find_spec(n, None)
                except BaseException:
                    pass
        run = util_pass if mode.startswith('util') else find_only_pass
        sys.path_importer_cache.clear()
        importlib.invalidate_caches()
        t = time.perf_counter(); run(); cold = time.perf_counter() - t
        t = time.perf_counter(); run(); warm = time.perf_counter() - t
        out.write(f"{cold if mode.endswith('cold') else warm}\n")
        """;

    /// <summary>Seconds for one pass; <paramref name="mode"/> is <c>util-cold</c>, <c>util-warm</c>, <c>find-cold</c> or <c>find-warm</c>.</summary>
    public static double Seconds(string namesFile, string mode) => CPythonTimer.Seconds(Script, "-I -S", [namesFile, mode]);
}

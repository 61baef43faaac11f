using System.Text.Json;

namespace ActorImport.Stress.Reports;

/// <summary>
/// The <c>actorimport import --json</c> report as CPython writes it: the same names imported
/// in the same order (each with <c>importlib.import_module</c>'s semantics, a failure caught
/// and reported, the next name still tried) by <c>python3 -I -S</c> with the same search-path
/// entries in front, so a run of the engine can be compared with CPython's field by field.
/// <see cref="RunBatch"/> reports many universes from one process, each from the state a fresh
/// process starts in. Stateless; safe from any thread.
/// </summary>
public static class CPythonImportReport
{
    /// <summary>
    /// <c>report(entries, requested)</c>: the report of one run. Nothing is imported before the
    /// snapshot of <c>sys.modules</c> but what <c>python3 -I -S</c> starts with; <c>json</c> is
    /// imported after the last import, and <c>__import__</c> plus a <c>sys.modules</c> lookup
    /// stand in for <c>importlib.import_module</c> (the same semantics for absolute names,
    /// without importing <c>importlib</c> into the delta).
    /// </summary>
    private const string ReportFunction = """
        import sys
        def report(entries, requested):
            sys.path[0:0] = entries
            before = set(sys.modules)
            results = []
            for name in requested:
                try:
                    __import__(name)
                    sys.modules[name]
                    results.append({'name': name, 'ok': True})
                except BaseException as e:
                    results.append({'name': name, 'ok': False,
                                    'error': {'type': type(e).__name__, 'message': str(e)}})
            added = sorted(set(sys.modules) - before)
            modules = {}
            for name in added:
                m = sys.modules[name]
                d = getattr(m, '__dict__', {})
                path = d.get('__path__')
                modules[name] = {
                    'file': d.get('__file__'),
                    'package': d.get('__package__'),
                    'is_package': path is not None,
                    'path': None if path is None else list(path),
                    'names': sorted(k for k in d if not (k.startswith('__') and k.endswith('__'))),
                }
            return added, {'requested': requested, 'results': results, 'modules': modules}
        """;

    /// <summary>The report script. Arguments: the number of search-path entries, the entries, then the names.</summary>
    public const string Script = ReportFunction + "\n" + """
        count = int(sys.argv[1])
        _, r = report(sys.argv[2:2 + count], sys.argv[2 + count:])
        import json
        print(json.dumps(r, sort_keys=True))
        """;

    /// <summary>
    /// The batch script: one JSON job per line on standard input (<c>{"path": […], "names": […]}</c>),
    /// one report per line on standard output. After each job the modules it added leave
    /// <c>sys.modules</c> and its entries leave <c>sys.path</c> and the path importer cache,
    /// so the next job starts as a fresh process would (<c>json</c> is loaded first, outside
    /// every delta, as the single script loads it after its delta).
    /// </summary>
    public const string BatchScript = ReportFunction + "\n" + """
        import json
        for line in sys.stdin:
            job = json.loads(line)
            saved_path = list(sys.path)
            added, r = report(job['path'], job['names'])
            print(json.dumps(r, sort_keys=True), flush=True)
            for name in added:
                del sys.modules[name]
            for entry in set(sys.path_importer_cache) - set(saved_path):
                sys.path_importer_cache.pop(entry, None)
            sys.path[:] = saved_path
        """;

    /// <summary>Runs the script with <paramref name="python"/> and returns the JSON text it printed.</summary>
    public static string Run(IReadOnlyList<string> searchPath, IReadOnlyList<string> names, string python = "python3", string? workingDirectory = null)
    {
        string[] args = ["-c", Script, searchPath.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), .. searchPath, .. names];
        return RunPython(python, args, stdin: null, workingDirectory).Trim();
    }

    /// <summary>One report per job, from one <paramref name="python"/> process.</summary>
    public static IReadOnlyList<string> RunBatch(IReadOnlyList<(IReadOnlyList<string> SearchPath, IReadOnlyList<string> Names)> jobs, string python = "python3", string? workingDirectory = null)
    {
        string input = string.Concat(jobs.Select(j => JsonSerializer.Serialize(new { path = j.SearchPath, names = j.Names }) + "\n"));
        string[] reports = RunPython(python, ["-c", BatchScript], input, workingDirectory).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return reports.Length == jobs.Count
            ? reports
            : throw new InvalidOperationException($"{python} printed {reports.Length} report(s) for {jobs.Count} job(s)");
    }

    private static string RunPython(string python, string[] args, string? stdin, string? workingDirectory) =>
        PythonProcess.Run(python, ["-I", "-S", .. args], stdin, workingDirectory);
}

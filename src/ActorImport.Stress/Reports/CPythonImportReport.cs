using System.Diagnostics;

namespace ActorImport.Stress.Reports;

/// <summary>
/// The <c>actorimport import --json</c> report as CPython writes it: the same names imported
/// in the same order (each with <c>importlib.import_module</c>'s semantics, a failure caught
/// and reported, the next name still tried) by <c>python3 -I -S</c> with the same search-path
/// entries in front, so a run of the engine can be compared with CPython's field by field.
/// Stateless; safe from any thread.
/// </summary>
public static class CPythonImportReport
{
    /// <summary>
    /// The report script. Arguments: the number of search-path entries, the entries, then the
    /// names. Nothing is imported before the snapshot of <c>sys.modules</c> but what
    /// <c>python3 -I -S</c> starts with; <c>json</c> is imported after the last import, and
    /// <c>__import__</c> plus a <c>sys.modules</c> lookup stand in for
    /// <c>importlib.import_module</c> (the same semantics for absolute names, without importing
    /// <c>importlib</c> into the delta).
    /// </summary>
    public const string Script = """
        import sys
        count = int(sys.argv[1])
        sys.path[0:0] = sys.argv[2:2 + count]
        requested = sys.argv[2 + count:]
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
        import json
        print(json.dumps({'requested': requested, 'results': results, 'modules': modules}, sort_keys=True))
        """;

    /// <summary>Runs the script with <paramref name="python"/> and returns the JSON text it printed.</summary>
    public static string Run(IReadOnlyList<string> searchPath, IReadOnlyList<string> names, string python = "python3", string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string arg in (string[])["-I", "-S", "-c", Script, searchPath.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), .. searchPath, .. names])
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{python} did not start");
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{python} failed ({process.ExitCode}): {stderr.Result}");
        }
        return output.Trim();
    }
}

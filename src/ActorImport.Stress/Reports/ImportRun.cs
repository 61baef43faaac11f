using System.Diagnostics;
using ActorImport.Engine;
using ActorImport.Model;

namespace ActorImport.Stress.Reports;

/// <summary>
/// One run of <c>actorimport import</c>: every name imported with
/// <c>importlib.import_module</c>'s semantics on each of N threads that start together (thread
/// i begins at name i mod count and goes round), a failure caught and recorded, the next name
/// still tried. Records what the run added to <c>sys.modules</c>. Immutable once built.
/// </summary>
public sealed record ImportRun(
    IReadOnlyList<string> Requested,
    IReadOnlyList<IReadOnlyList<ImportResult>> ResultsByThread,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Initializing,
    TimeSpan Elapsed)
{
    public bool AllOk => ResultsByThread.All(results => results.All(r => r.Ok));

    /// <summary>Runs the imports on <paramref name="threads"/> threads (1: the calling thread) and waits for all of them.</summary>
    public static ImportRun Execute(ImportEngine engine, IReadOnlyList<string> names, int threads)
    {
        var before = new HashSet<string>(engine.Modules.Keys, StringComparer.Ordinal);
        var results = new List<ImportResult>[threads];
        var stopwatch = Stopwatch.StartNew();
        if (threads == 1)
        {
            results[0] = ImportAll(engine, names, 0);
        }
        else
        {
            // Every thread waits at the barrier so that they all start importing together.
            using var start = new Barrier(threads);
            var workers = Enumerable.Range(0, threads).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                results[i] = ImportAll(engine, names, i);
            }) { IsBackground = true, Name = $"import-{i}" }).ToArray();
            foreach (Thread worker in workers)
            {
                worker.Start();
            }
            foreach (Thread worker in workers)
            {
                worker.Join();
            }
        }
        stopwatch.Stop();
        string[] added = [.. engine.Modules.Keys.Where(name => !before.Contains(name)).Order(StringComparer.Ordinal)];
        return new ImportRun(names, results, added, engine.Modules.Initializing(), stopwatch.Elapsed);
    }

    private static List<ImportResult> ImportAll(ImportEngine engine, IReadOnlyList<string> names, int first)
    {
        var results = new List<ImportResult>(names.Count);
        for (int k = 0; k < names.Count; k++)
        {
            string name = names[(first + k) % names.Count];
            try
            {
                engine.ImportModule(name);
                results.Add(new ImportResult(name, null));
            }
            catch (PythonException e)
            {
                results.Add(new ImportResult(name, e));
            }
        }
        return results;
    }
}

using System.Globalization;
using ActorImport.Engine;
using ActorImport.Python.Interpreting;
using ActorImport.Stress.Reports;

namespace ActorImport.Cli.Commands;

/// <summary>
/// The human report of <c>actorimport import</c>: one line per failed import (CPython's text),
/// a summary (modules added, wall time, waits, partial hand-overs, failures) and the tree of
/// the modules the run added, nested by package. Stateless.
/// </summary>
internal static class ImportTextReport
{
    public static void Write(TextWriter output, ImportEngine engine, ImportRun run)
    {
        foreach (ImportResult failure in run.ResultsByThread.SelectMany(r => r).Where(r => !r.Ok).DistinctBy(r => r.Name))
        {
            output.WriteLine($"{failure.Name}: {TracebackText.FinalLine(failure.Error!)}");
        }
        EngineStatistics stats = engine.Statistics;
        int failures = run.ResultsByThread.Sum(r => r.Count(x => !x.Ok));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"imported {run.Requested.Count} name(s) on {run.ResultsByThread.Count} thread(s) in {run.Elapsed.TotalMilliseconds:F1} ms: " +
            $"{run.Added.Count} modules added, {stats.BodiesExecuted} bodies run, {stats.Waits} waits, " +
            $"{stats.SameChainPartials + stats.CrossChainPartials} partial hand-overs ({stats.CrossChainPartials} across chains), {failures} failed"));
        if (run.Initializing.Count > 0)
        {
            output.WriteLine($"still initialising: {string.Join(", ", run.Initializing)}");
        }
        WriteTree(output, run.Added);
    }

    /// <summary>The added modules as a tree: a submodule under its package, two spaces per level.</summary>
    private static void WriteTree(TextWriter output, IReadOnlyList<string> added)
    {
        var present = new HashSet<string>(added, StringComparer.Ordinal);
        foreach (string name in added)
        {
            // Depth counts only the ancestors that are in the tree too, so nothing floats.
            int depth = 0;
            for (int dot = name.LastIndexOf('.'); dot > 0; dot = name.LastIndexOf('.', dot - 1))
            {
                if (present.Contains(name[..dot]))
                {
                    depth++;
                }
            }
            output.WriteLine($"{new string(' ', 2 * depth + 2)}{name}");
        }
    }
}

using System.Text;
using ActorImport.Engine;
using ActorImport.Stress.Checking;
using ActorImport.Stress.Reports;
using Akka.Actor;

namespace ActorImport.Stress.Running;

/// <summary>
/// The differential check of one universe: every name imported on one thread, in one seeded
/// order, by a fresh engine and by python3, both reported in the <c>import --json</c> shape
/// (<see cref="ImportJsonReport"/>, <see cref="CPythonImportReport"/>) and compared field by
/// field (<see cref="ImportReportComparison"/>); each difference is a violation. Stateless.
/// </summary>
public static class StressDifferential
{
    /// <summary>At most this many differences are reported per seed (the rest are counted).</summary>
    private const int MaxReported = 10;

    public static IReadOnlyList<Violation> Compare(Universe universe, ImportEngineOptions options, IReadOnlyList<string> names, string python, TimeSpan timeout, ActorSystem? system = null)
    {
        var engine = new ImportEngine(options, system);
        // One thread cannot wait for another, but the hang detector still bounds the run.
        var ours = Task.Factory.StartNew(() =>
        {
            ImportRun run = ImportRun.Execute(engine, names, 1);
            using var stream = new MemoryStream();
            ImportJsonReport.Write(stream, engine, run, threaded: false);
            return Encoding.UTF8.GetString(stream.ToArray());
        }, TaskCreationOptions.LongRunning);
        if (!ours.Wait(timeout))
        {
            return [new Violation(Violations.Hang, string.Empty, $"the single-thread run did not finish in {timeout.TotalSeconds:0.#} s")];
        }
        engine.Dispose();
        string cpython = CPythonImportReport.Run(universe.SearchPath, names, python);
        IReadOnlyList<string> differences = ImportReportComparison.Differences(cpython, ours.Result, universe.Root);
        var violations = differences.Take(MaxReported).Select(d => new Violation(Violations.Differential, string.Empty, d)).ToList();
        if (differences.Count > MaxReported)
        {
            violations.Add(new Violation(Violations.Differential, string.Empty, $"… and {differences.Count - MaxReported} more difference(s)"));
        }
        return violations;
    }
}

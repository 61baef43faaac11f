using System.Text;
using ActorImport.Engine;
using ActorImport.Stress.Checking;
using ActorImport.Stress.Reports;
using Akka.Actor;

namespace ActorImport.Stress.Running;

/// <summary>
/// The differential check of one universe: every name imported on one thread, in one seeded
/// order, by a fresh engine (<see cref="EngineReport"/>) and by python3
/// (<see cref="CPythonImportReport"/>), both in the <c>import --json</c> shape
/// (<see cref="ImportJsonReport"/>), compared field by field (<see cref="ImportReportComparison"/>);
/// each difference is a violation. Stateless.
/// </summary>
public static class StressDifferential
{
    /// <summary>At most this many differences are reported per seed (the rest are counted).</summary>
    private const int MaxReported = 10;

    /// <summary>The engine's single-thread report, or null when the run outlived <paramref name="timeout"/> (a hang).</summary>
    public static string? EngineReport(ImportEngineOptions options, IReadOnlyList<string> names, TimeSpan timeout, ActorSystem? system = null)
    {
        var engine = new ImportEngine(options, system);
        // One thread cannot wait for another, but the hang detector still bounds the run.
        var report = Task.Factory.StartNew(() =>
        {
            ImportRun run = ImportRun.Execute(engine, names, 1);
            using var stream = new MemoryStream();
            ImportJsonReport.Write(stream, engine, run, threaded: false);
            return Encoding.UTF8.GetString(stream.ToArray());
        }, TaskCreationOptions.LongRunning);
        if (!report.Wait(timeout))
        {
            _ = report.ContinueWith(_ => engine.Dispose(), TaskScheduler.Default);
            return null;
        }
        engine.Dispose();
        return report.Result;
    }

    /// <summary>Every difference between CPython's report and the engine's as a violation; names are compared for modules under <paramref name="root"/>.</summary>
    public static IReadOnlyList<Violation> Compare(string cpythonReport, string engineReport, string root)
    {
        IReadOnlyList<string> differences = ImportReportComparison.Differences(cpythonReport, engineReport, root);
        var violations = differences.Take(MaxReported).Select(d => new Violation(Violations.Differential, string.Empty, d)).ToList();
        if (differences.Count > MaxReported)
        {
            violations.Add(new Violation(Violations.Differential, string.Empty, $"… and {differences.Count - MaxReported} more difference(s)"));
        }
        return violations;
    }
}

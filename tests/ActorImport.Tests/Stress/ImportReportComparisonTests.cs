using ActorImport.Stress.Reports;

namespace ActorImport.Tests.Stress;

/// <summary>The differential's comparison of two <c>import --json</c> reports, on fabricated reports.</summary>
public class ImportReportComparisonTests
{
    private const string Report = """
        {"requested": ["a", "b"],
         "results": [{"name": "a", "ok": true}, {"name": "b", "ok": false, "error": {"type": "ValueError", "message": "no"}}],
         "modules": {"a": {"file": "/u/a.py", "package": "", "is_package": false, "path": null, "names": ["X"]},
                     "time": {"file": null, "package": "", "is_package": false, "path": null, "names": ["sleep"]}}}
        """;

    [Fact]
    public void TheSameReportHasNoDifferenceWhateverTheKeyOrder()
    {
        string reordered = Report.Replace("\"ok\": true}", "\"ok\": true}").Replace("{\"type\": \"ValueError\", \"message\": \"no\"}", "{\"message\": \"no\", \"type\": \"ValueError\"}");
        Assert.Empty(ImportReportComparison.Differences(Report, reordered, "/u"));
    }

    [Fact]
    public void ResultsModulesFieldsAndNamesUnderTheUniverseAreCompared()
    {
        string ours = Report
            .Replace("\"message\": \"no\"", "\"message\": \"other\"")
            .Replace("\"names\": [\"X\"]", "\"names\": [\"X\", \"Y\"]")
            .Replace("\"names\": [\"sleep\"]", "\"names\": []")
            .Replace("\"package\": \"\", \"is_package\": false, \"path\": null, \"names\": [\"X\"", "\"package\": \"p\", \"is_package\": false, \"path\": null, \"names\": [\"X\"");
        IReadOnlyList<string> differences = ImportReportComparison.Differences(Report, ours, "/u");
        Assert.Contains(differences, d => d.StartsWith("result of b:", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("a.names:", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("a.package:", StringComparison.Ordinal));
        Assert.DoesNotContain(differences, d => d.StartsWith("time.", StringComparison.Ordinal)); // a built-in's names are opaque to the engine
    }

    [Fact]
    public void ModulesAddedOnOneSideOnlyAreDifferences()
    {
        string ours = Report.Replace("\"time\":", "\"other\":");
        IReadOnlyList<string> differences = ImportReportComparison.Differences(Report, ours, "/u");
        Assert.Contains("module time: added by CPython, not by the engine", differences);
        Assert.Contains("module other: added by the engine, not by CPython", differences);
    }
}

/// <summary>CPython's batch report: each job reported as a fresh process would report it alone.</summary>
public class CPythonBatchReportTests
{
    [ActorImport.Tests.Conformance.PythonFact]
    public void EachJobOfABatchIsReportedAsAFreshProcessReportsIt()
    {
        using var first = new Configuration.TempDirectory();
        using var second = new Configuration.TempDirectory();
        ActorImport.Stress.Universe a = ActorImport.Stress.UniverseGenerator.Write(ActorImport.Stress.UniverseShape.Adversarial(1, 20), first.Path);
        ActorImport.Stress.Universe b = ActorImport.Stress.UniverseGenerator.Write(ActorImport.Stress.UniverseShape.Adversarial(2, 20), second.Path);
        IReadOnlyList<string> batch = CPythonImportReport.RunBatch([(a.SearchPath, a.Modules), (b.SearchPath, b.Modules)]);
        Assert.Equal(2, batch.Count);
        Assert.Empty(ImportReportComparison.Differences(CPythonImportReport.Run(a.SearchPath, a.Modules), batch[0], first.Path));
        Assert.Empty(ImportReportComparison.Differences(CPythonImportReport.Run(b.SearchPath, b.Modules), batch[1], second.Path));
    }
}

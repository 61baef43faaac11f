using System.Text.Json;
using ActorImport.Stress;
using ActorImport.Stress.Reports;
using ActorImport.Tests.Configuration;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Cli;

/// <summary>
/// <c>actorimport import</c> run as a process and compared with CPython's report of the same
/// imports (<see cref="CPythonImportReport"/>, run by python3 at test time).
/// </summary>
public class ImportCommandTests
{
    private static readonly string DefaultTree = Path.Combine(AppContext.BaseDirectory, "samples", "default-tree");

    private static readonly string[] ModuleFields = ["file", "package", "is_package", "path"];

    [PythonFact]
    public void TheDefaultTreeImportsAsCPythonImportsIt()
    {
        var result = CliRunner.Run("import", "--json");
        Assert.Equal(0, result.ExitCode);
        string[] entries = [DefaultTree, Path.Combine(DefaultTree, "plugins_a"), Path.Combine(DefaultTree, "plugins_b")];
        Assert.Empty(ImportReportComparison.Differences(CPythonImportReport.Run(entries, ["shop"]), result.Stdout, namesUnder: DefaultTree));
    }

    [PythonTheory]
    [InlineData(11, 0, 1)]
    [InlineData(12, 3, 4)]
    [InlineData(13, 5, 8)]
    public void AGeneratedUniverseImportsAsCPythonImportsItOnAnyNumberOfThreads(int seed, int cycleEvery, int threads)
    {
        using var dir = new TempDirectory();
        Universe universe = UniverseGenerator.Write(new UniverseShape(seed, 80, CycleEvery: cycleEvery), dir.Path);
        Assert.Equal([Path.GetFullPath(dir.Path)], universe.SearchPath);
        string[] names = [.. universe.Modules.Reverse()];
        var result = CliRunner.Run(["import", "--json", "--threads", threads.ToString(), "--path", dir.Path, .. names]);
        Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout);
        JsonElement ours = Parse(result.Stdout);
        Assert.Equal(threads, ours.GetProperty("threads").GetInt32());
        Assert.Empty(ours.GetProperty("initializing").EnumerateArray());
        JsonElement[] perThread = [.. ours.GetProperty("results").EnumerateArray()];
        Assert.Equal(threads, perThread.Length);
        for (int i = 0; i < threads; i++)
        {
            // Thread i starts at name i mod count and goes round.
            string[] order = [.. perThread[i].EnumerateArray().Select(r => r.GetProperty("name").GetString()!)];
            Assert.Equal(names.Skip(i % names.Length).Concat(names.Take(i % names.Length)), order);
            Assert.All(perThread[i].EnumerateArray(), r => Assert.True(r.GetProperty("ok").GetBoolean()));
        }
        JsonElement cpython = Parse(CPythonImportReport.Run([dir.Path], names));
        AssertSameModules(cpython.GetProperty("modules"), ours.GetProperty("modules"), namesUnder: dir.Path);
    }

    [PythonFact]
    public void FailuresAreCPythonsErrorsTheNextNameIsStillTriedAndTheExitCodeIsOne()
    {
        using var dir = new TempDirectory();
        dir.Write("broken.py", "import fine\nraise ValueError('broken on purpose')\n");
        dir.Write("fine.py", "X = 1\n");
        dir.Write("pkg/__init__.py", "");
        string[] names = ["no_such_module_here", "broken", "pkg.missing", "fine", "pkg"];
        var result = CliRunner.Run(["import", "--json", "--path", dir.Path, .. names]);
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(ImportReportComparison.Differences(CPythonImportReport.Run([dir.Path], names), result.Stdout, namesUnder: dir.Path));
    }

    /// <summary>Frozen modules imported after start-up: <c>__file__</c> comes from the loader state (3.11's create_module).</summary>
    [PythonTheory]
    [InlineData("_collections_abc")]
    [InlineData("os")]
    [InlineData("__phello__.spam")]
    public void FrozenAndStdlibModulesHaveCPythonsFileAndPackage(string name)
    {
        var result = CliRunner.Run("import", "--json", name);
        Assert.Empty(ImportReportComparison.Differences(CPythonImportReport.Run([], [name]), result.Stdout, namesUnder: "/no names compared/"));
    }

    [Fact]
    public void DiagnosticsListWhatTheInterpreterCouldNotDecideWithFileAndLine()
    {
        using var dir = new TempDirectory();
        string file = dir.Write("undecided.py", "import os\nif os.getpid() > 1:\n    import json\nX = 1\n");
        var quiet = CliRunner.Run("import", "--path", dir.Path, "undecided");
        var listed = CliRunner.Run("import", "--diagnostics", "--path", dir.Path, "undecided");
        Assert.Equal(0, listed.ExitCode);
        Assert.DoesNotContain("UndecidedCondition", quiet.Stderr);
        Assert.Contains($"{file}:2: UndecidedCondition", listed.Stderr);
    }

    [Fact]
    public void TheTextReportSummarisesAndShowsTheTree()
    {
        var result = CliRunner.Run("import");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("modules added", result.Stdout);
        Assert.Contains("0 failed", result.Stdout);
        Assert.Contains(Environment.NewLine + "  shop" + Environment.NewLine, result.Stdout);
        Assert.Contains(Environment.NewLine + "    shop.billing" + Environment.NewLine, result.Stdout);
    }

    [Theory]
    [InlineData("actors")]
    [InlineData("locks")]
    public void EitherCoordinationImportsTheSameModules(string coordination)
    {
        using var dir = new TempDirectory();
        Universe universe = UniverseGenerator.Write(new UniverseShape(21, 40, CycleEvery: 4), dir.Path);
        var result = CliRunner.Run(["import", "--json", "--threads", "4", "--coordination", coordination, "--path", dir.Path, .. universe.Modules]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        JsonElement modules = Parse(result.Stdout).GetProperty("modules");
        Assert.Equal(universe.Modules.Order(StringComparer.Ordinal), modules.EnumerateObject().Select(p => p.Name).Where(universe.Modules.Contains).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LazyNoneMakesALazyImportEager()
    {
        using var dir = new TempDirectory();
        dir.Write("app.py", "lazy import heavy\n");
        dir.Write("heavy.py", "X = 1\n");
        JsonElement normal = Parse(CliRunner.Run("import", "--json", "--path", dir.Path, "app").Stdout).GetProperty("modules");
        JsonElement none = Parse(CliRunner.Run("import", "--json", "--lazy", "none", "--path", dir.Path, "app").Stdout).GetProperty("modules");
        Assert.False(normal.TryGetProperty("heavy", out _));
        Assert.True(none.TryGetProperty("heavy", out _));
    }

    [Fact]
    public void AMalformedCommandLineIsOneLineAndExitTwo()
    {
        var result = CliRunner.Run("import", "--coordination", "bogus", "json");
        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("actorimport import: ", line);
        Assert.Contains("'bogus'", line);
    }

    [Fact]
    public void ThreadCountsOutsideTheRangeAreRejected()
    {
        var result = CliRunner.Run("import", "--threads", "0", "json");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--threads must be between 1 and 1024", result.Stderr + result.Stdout);
    }

    private static JsonElement Parse(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// The same modules added, each with the same fields; <c>names</c> is compared for the
    /// modules whose file lies under <paramref name="namesUnder"/> (the stdlib's namespaces are
    /// compared by the stdlib conformance tests, where opaque built-ins are accounted for).
    /// </summary>
    private static void AssertSameModules(JsonElement cpython, JsonElement ours, string namesUnder)
    {
        Assert.Equal(
            cpython.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal),
            ours.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        foreach (JsonProperty module in cpython.EnumerateObject())
        {
            JsonElement mine = ours.GetProperty(module.Name);
            foreach (string field in ModuleFields)
            {
                Assert.True(ImportReportComparison.Canonical(module.Value.GetProperty(field)) == ImportReportComparison.Canonical(mine.GetProperty(field)),
                    $"{module.Name}.{field}: CPython {module.Value.GetProperty(field)}, ours {mine.GetProperty(field)}");
            }
            if (module.Value.GetProperty("file").GetString() is { } file && file.StartsWith(namesUnder, StringComparison.Ordinal))
            {
                Assert.Equal(ImportReportComparison.Canonical(module.Value.GetProperty("names")), ImportReportComparison.Canonical(mine.GetProperty("names")));
            }
        }
    }
}

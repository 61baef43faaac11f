using System.Globalization;
using System.Text.Json;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Cli;

/// <summary>
/// <c>actorimport bench</c> run as a process on the bundled default tree with one repetition:
/// the JSON document and the table have every case, the ratios are the reported medians divided
/// by the reported CPython medians of the same run, and both sides import the same modules. No
/// assertion on the times themselves. Bad arguments: one line, exit code 2.
/// </summary>
public class BenchCommandTests
{
    private static readonly string[] Quick = ["bench", "--repetitions", "1", "--warmup", "0", "--threads", "1,2"];

    [PythonFact]
    public void TheJsonReportHasEveryCaseAndItsRatiosAreComputedFromItsTimes()
    {
        var result = CliRunner.Run([.. Quick, "--json"]);
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        JsonElement root = json.RootElement;
        Assert.Equal("actorimport-bench/1", root.GetProperty("schema").GetString());
        Assert.Equal("default-tree", root.GetProperty("workload").GetString());
        Assert.Equal(["shop"], root.GetProperty("entry_points").EnumerateArray().Select(e => e.GetString()));

        var cpython = root.GetProperty("cpython").EnumerateArray().ToList();
        Assert.Equal(["cold/1", "warm/1", "warm/2"], cpython.Select(Key));
        Assert.All(cpython, c => Assert.Single(c.GetProperty("samples_ms").EnumerateArray()));
        Assert.All(cpython, c => Assert.True(c.GetProperty("cpu_median_ms").GetDouble() >= 0));
        int cpythonModules = cpython[1].GetProperty("modules").GetInt32();
        Assert.True(cpythonModules > 0);

        var engine = root.GetProperty("engine").EnumerateArray().ToList();
        Assert.Equal(10, engine.Count); // 2 coordinations × (eager, lazy) × 2 thread counts + 2 without a cache
        foreach (JsonElement e in engine)
        {
            JsonElement baseline = cpython.Single(c => Key(c) == Key(e.GetProperty("baseline")));
            double median = e.GetProperty("median_ms").GetDouble();
            double baselineMedian = baseline.GetProperty("median_ms").GetDouble();
            Assert.Equal(baselineMedian, e.GetProperty("baseline_median_ms").GetDouble());
            Assert.Equal(median / baselineMedian, e.GetProperty("ratio").GetDouble(), 9);
            Assert.Equal(e.GetProperty("cache").GetString() == "none" ? "cold" : "warm", e.GetProperty("baseline").GetProperty("case").GetString());
            Assert.Equal(e.GetProperty("threads").GetInt32(), e.GetProperty("baseline").GetProperty("threads").GetInt32());
            int modules = e.GetProperty("modules").GetInt32();
            if (e.GetProperty("lazy").GetString() == "none")
            {
                Assert.Equal(cpythonModules, modules); // the same tree on both sides
            }
            else
            {
                Assert.InRange(modules, 1, cpythonModules);
            }
        }

        var payoff = root.GetProperty("lazy_payoff").EnumerateArray().ToList();
        Assert.Equal(["actors", "locks"], payoff.Select(p => p.GetProperty("coordination").GetString()));
        foreach (JsonElement p in payoff)
        {
            double eager = p.GetProperty("eager_ms").GetDouble();
            double lazy = p.GetProperty("lazy_ms").GetDouble();
            Assert.Equal(1 - (lazy / eager), p.GetProperty("time_saved").GetDouble(), 9);
            Assert.Contains(engine, e => e.GetProperty("coordination").GetString() == p.GetProperty("coordination").GetString()
                && e.GetProperty("lazy").GetString() == "none" && e.GetProperty("cache").GetString() == "warm"
                && e.GetProperty("threads").GetInt32() == 1 && e.GetProperty("median_ms").GetDouble() == eager);
            Assert.Equal(cpythonModules, p.GetProperty("eager_modules").GetInt32());
            Assert.Equal(1 - ((double)p.GetProperty("lazy_retained_bytes").GetInt64() / p.GetProperty("eager_retained_bytes").GetInt64()), p.GetProperty("retained_saved").GetDouble(), 9);
        }
        Assert.Equal(cpythonModules, root.GetProperty("cpython_memory").GetProperty("modules").GetInt32());
        Assert.True(root.GetProperty("cpython_memory").GetProperty("traced_bytes").GetInt64() > 0);
        Assert.Equal(5, root.GetProperty("scaling").EnumerateArray().Count()); // cpython warm + 4 engine configurations, at 2 threads
    }

    [PythonFact]
    public void TheTableShowsEveryCaseWithTheRatioOfItsOwnMedians()
    {
        var result = CliRunner.Run(Quick);
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        string[] lines = result.Stdout.Split('\n');
        Assert.StartsWith("bench: default-tree (1 entry point(s): shop)", lines[0]);
        Assert.Contains("lazy payoff: eager vs --lazy all", result.Stdout);
        Assert.Contains("PEP 810 reports 50-70% less start-up time, 30-40% less memory", result.Stdout);
        List<string[]> rows = [.. lines.Where(l => l.StartsWith("| cpython ", StringComparison.Ordinal) || l.StartsWith("| engine ", StringComparison.Ordinal))
            .Select(l => l.TrimEnd('\r').Split('|')[1..^1].Select(c => c.Trim()).ToArray())
            .Where(cells => cells.Length == 10)];
        var cpython = rows.Where(r => r[0] == "cpython").ToDictionary(r => (r[1].StartsWith("cold", StringComparison.Ordinal) ? "cold" : "warm") + "/" + r[2], r => Ms(r[3]));
        Assert.Equal(["cold/1", "warm/1", "warm/2"], cpython.Keys);
        var engine = rows.Where(r => r[0] == "engine").ToList();
        Assert.Equal(10, engine.Count);
        foreach (string[] row in engine)
        {
            // against: "cpython warm, 2 thread(s)"
            string[] against = row[9]["cpython ".Length..].Split(", ");
            double baseline = cpython[$"{against[0]}/{against[1].Split(' ')[0]}"];
            double expected = Ms(row[3]) / baseline;
            double shown = double.Parse(row[8].TrimEnd('x'), CultureInfo.InvariantCulture);
            // The table rounds the medians (0.01 ms) and the ratio (0.01): allow for both.
            Assert.InRange(shown, (expected * 0.95) - 0.011, (expected * 1.05) + 0.011);
        }
    }

    [Theory]
    [InlineData("--repetitions", "0")]
    [InlineData("--warmup", "-1")]
    [InlineData("--threads", "0")]
    [InlineData("--threads", "1,x")]
    [InlineData("--threads", "2,2")]
    [InlineData("--stdlib", "--generated")]
    [InlineData("json", "--stdlib")]
    [InlineData("--path", "somewhere")]
    [InlineData("not-a-module")]
    [InlineData("--repetitions", "many")]
    public void BadArgumentsAreOneLineAndExitCodeTwo(params string[] args)
    {
        var result = CliRunner.Run(["bench", .. args]);
        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.StartsWith("actorimport bench", line);
        Assert.Equal("", result.Stdout);
    }

    private static string Key(JsonElement c) => $"{c.GetProperty("case").GetString()}/{c.GetProperty("threads").GetInt32()}";

    private static double Ms(string cell) => double.Parse(cell, CultureInfo.InvariantCulture);
}

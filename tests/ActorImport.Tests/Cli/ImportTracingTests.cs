using System.Text.Json;
using ActorImport.Diagnostics;
using ActorImport.Stress;
using ActorImport.Tests.Configuration;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Cli;

/// <summary>
/// <c>actorimport import --importtime</c> and <c>--chrome-trace FILE</c>, run as a process:
/// the importtime rows compared with what <c>python3 -I -S -X importtime</c> prints for the same
/// imports (asked at test time), and the Chrome trace of a 4-thread run read back as JSON.
/// </summary>
public class ImportTracingTests
{
    private const string RowPrefix = "import time: ";

    /// <summary>
    /// What python3 -I -S -X importtime prints on standard error for <paramref name="code"/>
    /// (run from a python3 that captures it), with <paramref name="args"/> as <c>sys.argv[1:]</c>.
    /// </summary>
    private static string CPythonImportTime(string code, params string[] args) => PythonOracle.RunScript(
        "import subprocess, sys\n"
        + "r = subprocess.run([sys.executable, '-I', '-S', '-X', 'importtime', '-c', sys.argv[1]] + sys.argv[2:], capture_output=True, text=True)\n"
        + "sys.stdout.write(r.stderr)\n",
        [code, .. args]);

    /// <summary>The package column of every row (indentation kept), header left out.</summary>
    private static string[] Packages(string output) =>
        [.. output.Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.StartsWith(RowPrefix, StringComparison.Ordinal) && l != ImportTimeRecorder.Header)
            .Select(l => l.Split(" | ", 3)[2])];

    /// <summary>CPython's rows for <paramref name="code"/> less the rows of its own start-up (which our engine starts with).</summary>
    private static string[] CPythonRowsAfterStartup(string code, params string[] args)
    {
        string[] startup = Packages(CPythonImportTime("pass"));
        string[] all = Packages(CPythonImportTime(code, args));
        Assert.Equal(startup, all.Take(startup.Length));
        return all[startup.Length..];
    }

    [PythonFact]
    public void TheImportTimeOfJsonHasCPythonsModuleLinesInTheSameNesting()
    {
        var result = CliRunner.Run("import", "--importtime", "json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        string[] lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ImportTimeRecorder.Header, lines[0]);
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^import time: [ \d]{9} \| [ \d]{10} \| (  )*\S+$", l));
        string[] expected = CPythonRowsAfterStartup("import json");
        Assert.Contains("json", expected); // the comparison compares something
        Assert.Equal(expected, Packages(result.Stderr));
    }

    [PythonFact]
    public void TheImportTimeOfAGeneratedTreeWithCyclesAndFailuresIsCPythons()
    {
        using var dir = new TempDirectory();
        Universe universe = UniverseGenerator.Write(new UniverseShape(21, 60, CycleEvery: 3) { CycleIslands = 2, Failures = true, Fallbacks = true, StarImports = true }, dir.Path);
        string[] names = [.. universe.Modules.Reverse()];
        var result = CliRunner.Run(["import", "--importtime", "--path", dir.Path, .. names]);
        Assert.True(result.ExitCode is 0 or 1, result.Stderr);
        // __import__ (the statement's entry point, timed by CPython) for each name, a failure caught.
        const string importEach = "import sys\nsys.path[:0] = sys.argv[1:2]\nfor n in sys.argv[2:]:\n    try:\n        __import__(n)\n    except BaseException:\n        pass\n";
        string[] expected = CPythonRowsAfterStartup(importEach, [dir.Path, .. names]);
        Assert.True(expected.Length >= names.Length / 2, string.Join("\n", expected));
        Assert.Equal(expected, Packages(result.Stderr));
    }

    [Fact]
    public void SeveralThreadsGiveOneMarkedBlockPerThreadThatToolsStillRead()
    {
        var result = CliRunner.Run("import", "--importtime", "--threads", "3");
        Assert.True(result.ExitCode == 0, result.Stderr);
        string[] lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ImportTimeRecorder.Header, lines[0]);
        Assert.Single(lines, l => l == ImportTimeRecorder.Header);
        // Markers and rows only; the markers are not rows (tuna skips them), one per thread.
        Assert.All(lines.Skip(1), l => Assert.True(l.StartsWith(ImportTimeRecorder.ThreadMarker, StringComparison.Ordinal) ^ l.StartsWith(RowPrefix, StringComparison.Ordinal), l));
        string[] markers = [.. lines.Where(l => l.StartsWith(ImportTimeRecorder.ThreadMarker, StringComparison.Ordinal))];
        Assert.Equal(["import-0", "import-1", "import-2"], markers.Select(m => m[ImportTimeRecorder.ThreadMarker.Length..]).Order(StringComparer.Ordinal));
        Assert.StartsWith(ImportTimeRecorder.ThreadMarker, lines[1]);
        // Each non-empty block is a whole forest: it ends at depth 0, and depth grows by at most
        // one from a row to the row before it (children are printed before their parent).
        foreach (string[] block in Blocks(lines.Skip(1)))
        {
            if (block.Length == 0)
            {
                continue;
            }
            int[] depths = [.. block.Select(r => { string p = r.Split(" | ", 3)[2]; return (p.Length - p.TrimStart(' ').Length) / 2; })];
            Assert.Equal(0, depths[^1]);
            for (int i = 0; i + 1 < depths.Length; i++)
            {
                Assert.True(depths[i] <= depths[i + 1] + 1, string.Join("\n", block));
            }
        }
        // The whole tree was loaded once: every module has one row in all (waiters of a module a
        // thread was loading have a row too, as in CPython, so count the modules, not rows).
        Assert.Contains("shop", Packages(result.Stderr));
    }

    private static IEnumerable<string[]> Blocks(IEnumerable<string> lines)
    {
        List<string>? block = null;
        foreach (string line in lines)
        {
            if (line.StartsWith(ImportTimeRecorder.ThreadMarker, StringComparison.Ordinal))
            {
                if (block is not null)
                {
                    yield return [.. block];
                }
                block = [];
            }
            else
            {
                block!.Add(line);
            }
        }
        if (block is not null)
        {
            yield return [.. block];
        }
    }

    [Fact]
    public void AFourThreadChromeTraceIsWellFormedWithOneTrackPerThreadAndNestedSpans()
    {
        using var dir = new TempDirectory();
        string file = Path.Combine(dir.Path, "trace.json");
        var result = CliRunner.Run("import", "--threads", "4", "--chrome-trace", file);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(["trace.json"], Directory.EnumerateFiles(dir.Path).Select(Path.GetFileName)); // no temporary file left
        using JsonDocument trace = JsonDocument.Parse(File.ReadAllBytes(file));
        JsonElement[] events = [.. trace.RootElement.GetProperty("traceEvents").EnumerateArray()];
        var tracks = events
            .Where(e => e.GetProperty("ph").GetString() == "M" && e.GetProperty("name").GetString() == "thread_name")
            .ToDictionary(e => e.GetProperty("tid").GetInt32(), e => e.GetProperty("args").GetProperty("name").GetString());
        Assert.Equal(["import-0", "import-1", "import-2", "import-3"], tracks.Values.Order(StringComparer.Ordinal));
        JsonElement[] spans = [.. events.Where(e => e.GetProperty("ph").GetString() == "X")];
        Assert.NotEmpty(spans);
        Assert.All(events.Where(e => e.GetProperty("ph").GetString() is "X" or "i"), e => Assert.Contains(e.GetProperty("tid").GetInt32(), tracks.Keys));
        Assert.Contains(spans, s => s.GetProperty("name").GetString() == "shop" && s.GetProperty("cat").GetString() == "import");
        foreach (var track in spans.GroupBy(s => s.GetProperty("tid").GetInt32()))
        {
            AssertNested(track.Select(s => (s.GetProperty("name").GetString()!, s.GetProperty("ts").GetDecimal(), s.GetProperty("dur").GetDecimal())));
        }
        // Python's json module reads it too (where python3 is, and always under CI=true).
        if (PythonOracle.SkipReason is null)
        {
            string summary = PythonOracle.RunScript(
                "import json, sys\nd = json.load(open(sys.argv[1]))\nprint(len({e['tid'] for e in d['traceEvents'] if e['ph'] == 'M' and e['name'] == 'thread_name'}))\n",
                [file]);
            Assert.Equal("4", summary.Trim());
        }
    }

    /// <summary>Spans of one track: each one lies inside the span open around it, or after it ended (no partial overlap).</summary>
    private static void AssertNested(IEnumerable<(string Name, decimal Start, decimal Duration)> spans)
    {
        var open = new Stack<(string Name, decimal End)>();
        foreach (var (name, start, duration) in spans.OrderBy(s => s.Start).ThenByDescending(s => s.Duration))
        {
            Assert.True(duration >= 0, name);
            while (open.Count > 0 && open.Peek().End <= start)
            {
                open.Pop();
            }
            if (open.Count > 0)
            {
                Assert.True(start + duration <= open.Peek().End, $"{name} overlaps the end of {open.Peek().Name}");
            }
            open.Push((name, start + duration));
        }
    }

    [Theory]
    [InlineData("no-such-directory/trace.json", "no such directory")]
    [InlineData(".", "it is a directory")]
    public void AnUnwritableTracePathIsAOneLineErrorBeforeAnyImport(string relative, string reason)
    {
        using var dir = new TempDirectory();
        string target = Path.Combine(dir.Path, relative);
        var result = CliRunner.Run("import", "--chrome-trace", target);
        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        string line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"actorimport import: cannot write the Chrome trace to '{target}': ", line);
        Assert.Contains(reason, line);
        Assert.Empty(Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories));
    }
}

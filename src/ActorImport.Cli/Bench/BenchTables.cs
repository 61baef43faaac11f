using System.Globalization;
using Spectre.Console;

namespace ActorImport.Cli.Bench;

/// <summary>
/// <c>actorimport bench</c>'s text output: a header line, the times with engine/CPython ratios,
/// the lazy payoff beside PEP 810's figures, and the thread scaling. Spectre tables, ASCII
/// borders when standard output is redirected (so the output pastes into Markdown as is). Stateless.
/// </summary>
internal static class BenchTables
{
    public static void Write(BenchReport report)
    {
        bool plain = Console.IsOutputRedirected;
        TableBorder border = plain ? TableBorder.Ascii : TableBorder.Rounded;
        // Redirected output is not wrapped at 80 columns: it goes to files and Markdown.
        IAnsiConsole console = plain
            ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors })
            : AnsiConsole.Console;
        if (plain)
        {
            console.Profile.Width = 240;
        }
        Console.WriteLine(Invariant($"bench: {report.Workload} ({report.EntryPoints.Count} entry point(s): {Names(report.EntryPoints)}), {report.Settings.Repetitions} repetition(s) after {report.Settings.Warmup} warm-up round(s), medians in ms"));
        Console.WriteLine(Invariant($"CPython {report.PythonVersion}: python3 -I -S, one process per repetition, import timed inside it (process = wall time of the whole process); engine: in-process, a new engine per repetition; {Environment.ProcessorCount} processor(s)"));
        Console.WriteLine("cpu = CPU time of the process during the import, all its threads (python3: time.process_time; engine: importing threads, actor dispatchers, GC, JIT)");

        var times = new Table().Border(border).Title("import times (ratio = engine / CPython, same run)");
        times.AddColumn("side").AddColumn("configuration").AddColumn(Right("threads")).AddColumn(Right("median ms")).AddColumn(Right("min ms")).AddColumn(Right("cpu ms"))
            .AddColumn(Right("process ms")).AddColumn(Right("modules")).AddColumn(Right("ratio")).AddColumn("against");
        foreach (CPythonResult r in report.CPython)
        {
            Row(times, "cpython", r.Case.Label, r.Case.Threads, r.Samples, BenchSamples.Ms(r.Samples.ProcessMedian ?? 0), "", "");
        }
        foreach (EngineResult r in report.Engine)
        {
            Row(times, "engine", r.Case.LongLabel, r.Case.Threads, r.Samples, "", Invariant($"{r.Ratio:F2}x"),
                Invariant($"cpython {r.Case.Baseline.ShortLabel}, {r.Case.Baseline.Threads} thread(s)"));
        }
        console.Write(times);

        var lazy = new Table().Border(border).Title(Invariant($"lazy payoff: eager vs --lazy all, {report.LazyPayoff[0].Eager.Case.Threads} thread(s), warm cache ({LazyPayoff.Pep810})"));
        lazy.AddColumn("coordination").AddColumn(Right("eager ms")).AddColumn(Right("lazy ms")).AddColumn(Right("time saved"))
            .AddColumn(Right("modules eager/lazy")).AddColumn(Right("retained eager/lazy")).AddColumn(Right("retained saved"))
            .AddColumn(Right("allocated eager/lazy")).AddColumn(Right("allocated saved"));
        foreach (LazyPayoff p in report.LazyPayoff)
        {
            lazy.AddRow(
                p.Coordination.ToString().ToLowerInvariant(),
                BenchSamples.Ms(p.Eager.Samples.Median), BenchSamples.Ms(p.Lazy.Samples.Median), Percent(p.TimeSaved),
                Invariant($"{p.EagerMemory.Modules}/{p.LazyMemory.Modules}"),
                $"{Bytes(p.EagerMemory.RetainedBytes)}/{Bytes(p.LazyMemory.RetainedBytes)}", Percent(p.RetainedSaved),
                $"{Bytes(p.EagerMemory.AllocatedBytes)}/{Bytes(p.LazyMemory.AllocatedBytes)}", Percent(p.AllocatedSaved));
        }
        lazy.AddRow("cpython (eager only)", "", "", "", Invariant($"{report.CPythonMemory.Modules}/-"), $"{Bytes(report.CPythonMemory.RetainedBytes)} traced", "", "", "");
        console.Write(lazy);
        Console.WriteLine("retained = managed heap after a full collection, after minus before the import (engine alive); allocated = bytes allocated meanwhile; cpython traced = tracemalloc after the import");

        int[] more = [.. report.Settings.Threads.Where(t => t != report.Settings.Threads.Min()).Order()];
        if (more.Length > 0)
        {
            var scaling = new Table().Border(border).Title(Invariant($"N threads / {report.Settings.Threads.Min()}, medians (> 1 = slower)"));
            scaling.AddColumn("side").AddColumn("configuration");
            foreach (int t in more)
            {
                scaling.AddColumn(Right(Invariant($"{t} threads")));
            }
            foreach (int t in more)
            {
                scaling.AddColumn(Right(Invariant($"cpu, {t} threads")));
            }
            foreach (var group in report.Scaling().GroupBy(s => (s.Side, s.Label)))
            {
                scaling.AddRow([
                    group.Key.Side, Markup.Escape(group.Key.Label),
                    .. more.Select(t => group.Where(s => s.Threads == t).Select(s => Invariant($"{s.Slowdown:F2}")).FirstOrDefault() ?? ""),
                    .. more.Select(t => group.Where(s => s.Threads == t).Select(s => Invariant($"{s.CpuSlowdown:F2}")).FirstOrDefault() ?? "")]);
            }
            console.Write(scaling);
        }
        Console.WriteLine(Invariant($"bench: done in {report.Elapsed.TotalSeconds:F1} s"));
    }

    private static void Row(Table table, string side, string label, int threads, BenchSamples samples, string process, string ratio, string against) =>
        table.AddRow(side, Markup.Escape(label), Invariant($"{threads}"), BenchSamples.Ms(samples.Median), BenchSamples.Ms(samples.Min), BenchSamples.Ms(samples.CpuMedian), process,
            Invariant($"{samples.Modules}"), ratio, Markup.Escape(against));

    private static TableColumn Right(string header) => new TableColumn(header).RightAligned();

    private static string Names(IReadOnlyList<string> names) =>
        names.Count <= 8 ? string.Join(", ", names) : $"{string.Join(", ", names.Take(3))}, ... {names[^1]}";

    private static string Percent(double fraction) => Invariant($"{fraction * 100:F0}%");

    private static string Bytes(long bytes) =>
        Math.Abs(bytes) < 1024 * 1024 ? Invariant($"{bytes / 1024.0:F0} KB") : Invariant($"{bytes / (1024.0 * 1024.0):F1} MB");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

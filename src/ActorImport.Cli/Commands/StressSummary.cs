using System.Globalization;
using ActorImport.Stress.Running;
using Spectre.Console;

namespace ActorImport.Cli.Commands;

/// <summary>
/// The totals of an <c>actorimport stress</c> run and their report: a summary table (ASCII
/// borders when redirected), then every violation with its seed and the one-line command that
/// reproduces it. Filled by one thread, then written.
/// </summary>
internal sealed class StressSummary(int first, int last)
{
    private readonly List<SeedResult> _failed = [];

    public int First { get; } = first;

    public int Last { get; } = last;

    public int Seeds { get; private set; }

    public int Violations { get; private set; }

    public int Hangs { get; private set; }

    public int Compared { get; private set; }

    public long Modules { get; private set; }

    public long Imports { get; private set; }

    public long Waits { get; private set; }

    public long Partials { get; private set; }

    public long Bodies { get; private set; }

    /// <summary>Wall time of the whole run (set by the caller when the last seed is done).</summary>
    public TimeSpan Elapsed { get; set; }

    public void Add(SeedResult result)
    {
        Seeds++;
        Violations += result.Violations.Count;
        Hangs += result.Hung ? 1 : 0;
        Compared += result.Compared ? 1 : 0;
        Modules += result.Modules;
        Imports += result.Imports;
        Waits += result.Waits;
        Partials += result.Partials;
        Bodies += result.Bodies;
        if (!result.Passed)
        {
            _failed.Add(result);
        }
    }

    public static void Write(StressSummary summary, StressSettings settings)
    {
        bool plain = Console.IsOutputRedirected;
        var table = new Table().Border(plain ? TableBorder.Ascii : TableBorder.Rounded).AddColumn("stress").AddColumn(new TableColumn("value").RightAligned());
        void Row(string what, FormattableString value) => table.AddRow(Markup.Escape(what), Markup.Escape(value.ToString(CultureInfo.InvariantCulture)));
        Row("seeds", $"{summary.Seeds} ({summary.First}..{summary.Last})");
        Row("threads per seed", $"{settings.Threads}");
        Row("coordination", $"{settings.Coordination.ToString().ToLowerInvariant()}");
        Row("modules (all universes)", $"{summary.Modules}");
        Row("imports", $"{summary.Imports}");
        Row("bodies run", $"{summary.Bodies}");
        Row("waits", $"{summary.Waits}");
        Row("partial hand-overs", $"{summary.Partials}");
        Row("compared with python3", $"{summary.Compared} seed(s)");
        Row("hangs", $"{summary.Hangs}");
        Row("violations", $"{summary.Violations} in {summary._failed.Count} seed(s)");
        Row("time", $"{summary.Elapsed.TotalSeconds:F1} s");
        AnsiConsole.Write(table);
        foreach (SeedResult failed in summary._failed)
        {
            foreach (var violation in failed.Violations)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed {failed.Seed}: {violation}"));
            }
            Console.WriteLine($"  repro: {settings.ReproCommand(failed.Seed)}");
        }
    }
}

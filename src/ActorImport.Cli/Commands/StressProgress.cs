using System.Globalization;
using ActorImport.Stress.Running;
using Spectre.Console;

namespace ActorImport.Cli.Commands;

/// <summary>
/// Runs the seeds of <c>actorimport stress</c> one after another, showing progress: a Spectre
/// progress bar on a terminal, plain lines (every tenth of the run, and every seed with a
/// violation) when standard output is redirected. Stateless.
/// </summary>
internal static class StressProgress
{
    public static StressSummary Run(StressRunner runner, int first, int last)
    {
        var summary = new StressSummary(first, last);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        int total = last - first + 1;
        if (Console.IsOutputRedirected)
        {
            int step = Math.Max(1, total / 10);
            foreach (SeedResult result in runner.RunSeeds(first, last))
            {
                summary.Add(result);
                int seed = result.Seed;
                int done = seed - first + 1;
                if (!result.Passed)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed {seed}: {result.Violations.Count} violation(s)"));
                }
                if (done % step == 0 || done == total)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stress: {done}/{total} seeds, {summary.Violations} violation(s)"));
                }
            }
            summary.Elapsed = stopwatch.Elapsed;
            return summary;
        }
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask($"stress seeds {first}..{last}", maxValue: total);
                foreach (SeedResult result in runner.RunSeeds(first, last))
                {
                    summary.Add(result);
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"stress seed {result.Seed} ({summary.Violations} violation(s))");
                    task.Increment(1);
                }
            });
        summary.Elapsed = stopwatch.Elapsed;
        return summary;
    }
}

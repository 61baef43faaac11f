using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Stress.Running;

namespace ActorImport.Cli.Commands;

/// <summary>
/// <c>actorimport stress --seeds A..B [--threads T] [--modules N] [--coordination actors|locks]
/// [--async] [--differential] [--lazy] [--timeout S]</c>: for every seed, a generated universe imported by
/// T threads in seeded random orders against one engine, the invariants checked
/// (<see cref="StressRunner"/>); with <c>--differential</c> a single-thread run compared with
/// python3's. Shows a progress bar on a terminal (plain lines when redirected), then a summary
/// table and, for every violation, its seed and a one-line repro command. Exit code 0 when no
/// seed broke an invariant, 1 otherwise, 2 for bad arguments or configuration.
/// </summary>
internal static partial class StressCommand
{
    public static Command Create(IReadOnlyList<string> configSwitches)
    {
        var seeds = new Option<string>("--seeds") { Description = "seeds to run, A..B inclusive (or one seed)", Required = true };
        var threads = new Option<int>("--threads") { Description = "threads per seed, importing every name in their own order", DefaultValueFactory = _ => 4 };
        var modules = new Option<int>("--modules") { Description = "core modules per universe (feature modules come on top)", DefaultValueFactory = _ => 60 };
        var coordination = new Option<string?>("--coordination") { Description = "actors or locks (default: the configured engine.coordination)" };
        coordination.AcceptOnlyFromAmong("actors", "locks");
        var differential = new Option<bool>("--differential") { Description = "also compare a single-thread run of each universe with python3 through the import --json report" };
        var asyncFlows = new Option<bool>("--async") { Description = "each thread runs one async flow of ImportModuleAsync calls instead of ImportModule" };
        var lazy = new Option<bool>("--lazy") { Description = "universes with PEP 810 lazy imports (not with --differential: CPython 3.11 cannot parse them)" };
        var timeout = new Option<double>("--timeout") { Description = "hang detector: seconds a seed's threads may take", DefaultValueFactory = _ => StressSettings.DefaultHangTimeout.TotalSeconds };
        var command = new Command("stress", "Hammer the engine with generated universes from seeds and check the invariants")
        {
            seeds, threads, modules, coordination, asyncFlows, differential, lazy, timeout,
        };
        command.SetAction(result => Run(result, configSwitches, new Arguments(
            result.GetValue(seeds)!, result.GetValue(threads), result.GetValue(modules), result.GetValue(coordination),
            result.GetValue(asyncFlows), result.GetValue(differential), result.GetValue(lazy), result.GetValue(timeout))));
        return command;
    }

    private sealed record Arguments(string Seeds, int Threads, int Modules, string? Coordination, bool Async, bool Differential, bool Lazy, double Timeout);

    private static int Run(ParseResult result, IReadOnlyList<string> configSwitches, Arguments arguments)
    {
        CliSettings.Loaded? loaded = CliSettings.Load(result, configSwitches);
        if (loaded is null)
        {
            return CliSettings.ConfigurationError;
        }
        if (ParseSeeds(arguments.Seeds) is not (int first, int last))
        {
            return BadArguments($"--seeds must be A..B with 0 <= A <= B (or one seed), not '{arguments.Seeds}'");
        }
        if (arguments.Timeout is <= 0 or > 3600)
        {
            return BadArguments($"--timeout must be between 0 and 3600 seconds, not {arguments.Timeout.ToString(CultureInfo.InvariantCulture)}");
        }
        var settings = new StressSettings
        {
            Threads = arguments.Threads,
            Modules = arguments.Modules,
            Coordination = arguments.Coordination switch
            {
                "actors" => CoordinationMode.Actors,
                "locks" => CoordinationMode.Locks,
                _ => loaded.Options.Engine.Coordination,
            },
            AsyncFlows = arguments.Async,
            Differential = arguments.Differential,
            LazyImports = arguments.Lazy,
            HangTimeout = TimeSpan.FromSeconds(arguments.Timeout),
            Engine = loaded.EngineOptions(loaded.Resolver),
        };
        try
        {
            settings.Validate();
        }
        catch (ArgumentException e)
        {
            return BadArguments(e is ArgumentOutOfRangeException range ? range.Message.Split(" (Parameter", 2)[0] : e.Message);
        }
        using var runner = new StressRunner(settings);
        StressSummary summary = StressProgress.Run(runner, first, last);
        StressSummary.Write(summary, settings);
        return summary.Violations == 0 ? 0 : 1;
    }

    private static int BadArguments(string message)
    {
        Console.Error.WriteLine($"actorimport stress: {message}");
        return CliSettings.ConfigurationError;
    }

    /// <summary><c>A..B</c> or <c>A</c>, non-negative, A ≤ B; null otherwise.</summary>
    internal static (int First, int Last)? ParseSeeds(string text)
    {
        Match match = SeedRange().Match(text.Trim());
        if (!match.Success
            || !int.TryParse(match.Groups["a"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int first)
            || !int.TryParse(match.Groups["b"].Success ? match.Groups["b"].Value : match.Groups["a"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int last)
            || first > last)
        {
            return null;
        }
        return (first, last);
    }

    [GeneratedRegex(@"^(?<a>\d+)(?:\.\.(?<b>\d+))?$")]
    private static partial Regex SeedRange();
}

using System.CommandLine;
using System.Globalization;
using ActorImport.Cli.Bench;
using ActorImport.Configuration;
using ActorImport.Engine;
using Spectre.Console;

namespace ActorImport.Cli.Commands;

/// <summary>
/// <c>actorimport bench [MODULE…] [--path DIR]… [--stdlib | --generated] [--repetitions N]
/// [--warmup N] [--threads 1,2,4] [--json]</c>: imports the same tree in CPython (cold, warm
/// <c>__pycache__</c>, threads) and in this engine (actors and locks, eager and <c>--lazy all</c>,
/// threads) in one run and prints the times with engine/CPython ratios, the lazy payoff (time and
/// memory) and the thread scaling (<see cref="BenchSession"/>); <c>--json</c> prints
/// <see cref="BenchJson"/>'s document instead. Without modules it imports the bundled default
/// tree. Exit code 0 when it measured, 1 when an import failed on either side, 2 for bad
/// arguments or configuration.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(IReadOnlyList<string> configSwitches)
    {
        var modules = new Argument<string[]>("modules") { Description = "entry points to import (default: the bundled tree's 'shop')", Arity = ArgumentArity.ZeroOrMore };
        var path = new Option<string[]>("--path") { Description = "a search path entry placed before the configured ones, on both sides (repeatable)", AllowMultipleArgumentsPerToken = false };
        var stdlib = new Option<bool>("--stdlib") { Description = $"import the stdlib entry points {string.Join(", ", BenchWorkload.StdlibEntryPoints)}" };
        var generated = new Option<bool>("--generated") { Description = "import the generated 2,000-module tree of docs/benchmarks.md's tree import (written to a temporary directory)" };
        var repetitions = new Option<int>("--repetitions") { Description = "timed repetitions per case (medians are reported)", DefaultValueFactory = _ => 5 };
        var warmup = new Option<int>("--warmup") { Description = "untimed rounds before them", DefaultValueFactory = _ => 1 };
        var threads = new Option<string>("--threads") { Description = "thread counts, comma-separated", DefaultValueFactory = _ => "1,2,4" };
        var json = new Option<bool>("--json") { Description = "print the report as JSON (schema actorimport-bench/1, in docs/benchmarks.md)" };
        var command = new Command("bench", "Import the same tree in CPython and in this engine, side by side, and print the ratios")
        {
            modules, path, stdlib, generated, repetitions, warmup, threads, json,
        };
        command.SetAction(result => Run(result, configSwitches, new Arguments(
            result.GetValue(modules) ?? [], result.GetValue(path) ?? [], result.GetValue(stdlib), result.GetValue(generated),
            result.GetValue(repetitions), result.GetValue(warmup), result.GetValue(threads)!, result.GetValue(json))));
        return command;
    }

    private sealed record Arguments(string[] Modules, string[] Path, bool Stdlib, bool Generated, int Repetitions, int Warmup, string Threads, bool Json);

    private static int Run(ParseResult result, IReadOnlyList<string> configSwitches, Arguments arguments)
    {
        CliSettings.Loaded? settings = CliSettings.Load(result, configSwitches);
        if (settings is null)
        {
            return CliSettings.ConfigurationError;
        }
        if (Validate(arguments) is string error)
        {
            return BadArguments(error);
        }
        int[] threads = ParseThreads(arguments.Threads)!;
        SearchPathResolver resolver = settings.Resolver;
        ImportEngineOptions engineOptions = settings.EngineOptions(resolver);
        using BenchWorkload workload = arguments switch
        {
            { Stdlib: true } => BenchWorkload.Stdlib(),
            { Generated: true } => BenchWorkload.Generated(),
            { Modules.Length: > 0 } => BenchWorkload.Modules(arguments.Modules, arguments.Path),
            _ => BenchWorkload.DefaultTree(resolver.DefaultTree),
        };
        using var cpython = new CPythonBenchRunner(workload);
        using var engine = new EngineBenchRunner(engineOptions, workload);
        var session = new BenchSession(workload, cpython, engine, new BenchSettings(arguments.Repetitions, arguments.Warmup, threads));
        BenchReport report;
        try
        {
            report = Measure(session, showProgress: !arguments.Json && !Console.IsOutputRedirected);
        }
        catch (Exception e) when (e is BenchFailure or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // One line: python3's traceback ends with the exception line, which is what matters.
            Console.Error.WriteLine($"actorimport bench: {e.Message.Trim().Split('\n')[^1].Trim()}");
            return 1;
        }
        if (arguments.Json)
        {
            using Stream stdout = Console.OpenStandardOutput();
            BenchJson.Write(stdout, report);
            stdout.Write("\n"u8);
        }
        else
        {
            BenchTables.Write(report);
        }
        return 0;
    }

    private static BenchReport Measure(BenchSession session, bool showProgress)
    {
        if (!showProgress)
        {
            return session.Run(_ => { });
        }
        BenchReport? report = null;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask("bench", maxValue: session.TotalSteps);
                report = session.Run(step =>
                {
                    task.Description = Markup.Escape(step);
                    task.Increment(1);
                });
            });
        return report!;
    }

    /// <summary>The first thing wrong with the arguments, or null.</summary>
    private static string? Validate(Arguments arguments)
    {
        if ((arguments.Stdlib ? 1 : 0) + (arguments.Generated ? 1 : 0) + (arguments.Modules.Length > 0 ? 1 : 0) > 1)
        {
            return "choose one of MODULE..., --stdlib and --generated";
        }
        if (arguments.Path.Length > 0 && arguments.Modules.Length == 0)
        {
            return "--path needs MODULE... to import from it";
        }
        if (arguments.Modules.FirstOrDefault(m => !IsModuleName(m)) is string bad)
        {
            return $"'{bad}' is not a module name";
        }
        if (arguments.Repetitions is < 1 or > 1000)
        {
            return $"--repetitions must be between 1 and 1000, not {arguments.Repetitions}";
        }
        if (arguments.Warmup is < 0 or > 100)
        {
            return $"--warmup must be between 0 and 100, not {arguments.Warmup}";
        }
        if (ParseThreads(arguments.Threads) is null)
        {
            return $"--threads must be a comma-separated list of counts between 1 and 64, not '{arguments.Threads}'";
        }
        return null;
    }

    /// <summary><c>1,2,4</c>: distinct counts in 1..64, in the given order; null when malformed.</summary>
    internal static int[]? ParseThreads(string text)
    {
        var counts = new List<int>();
        foreach (string part in text.Split(','))
        {
            if (!int.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count is < 1 or > 64 || counts.Contains(count))
            {
                return null;
            }
            counts.Add(count);
        }
        return [.. counts];
    }

    private static bool IsModuleName(string name) =>
        name.Split('.').All(part => part.Length > 0 && (char.IsLetter(part[0]) || part[0] == '_') && part.All(c => char.IsLetterOrDigit(c) || c == '_'));

    private static int BadArguments(string message)
    {
        Console.Error.WriteLine($"actorimport bench: {message}");
        return CliSettings.ConfigurationError;
    }
}

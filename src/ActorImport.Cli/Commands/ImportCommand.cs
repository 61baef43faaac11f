using System.CommandLine;
using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Model;
using ActorImport.Python.Interpreting;
using ActorImport.Stress.Reports;

namespace ActorImport.Cli.Commands;

/// <summary>
/// <c>actorimport import [MODULE…] [--path DIR]… [--threads N] [--json] [--diagnostics]
/// [--coordination actors|locks] [--lazy normal|all|none] [--importtime] [--chrome-trace FILE]</c>:
/// the main job.
/// Imports each name with <c>importlib.import_module</c>'s semantics in one
/// <see cref="ImportEngine"/> (search path: the <c>--path</c> entries, then the configured
/// ones), and reports the outcome as text or as the README's JSON. Without modules it imports
/// the bundled default tree (entry module <c>shop</c>, its path entries first). Tracing:
/// <see cref="ImportTracing"/>. Exit code 0 when every import succeeded, 1 otherwise, 2 for bad
/// configuration or a trace file that cannot be written.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(IReadOnlyList<string> configSwitches)
    {
        var modules = new Argument<string[]>("modules") { Description = "modules to import (default: the bundled tree's 'shop')", Arity = ArgumentArity.ZeroOrMore };
        var path = new Option<string[]>("--path") { Description = "a search path entry placed before the configured ones (repeatable)", AllowMultipleArgumentsPerToken = false };
        var threads = new Option<int?>("--threads") { Description = "threads that start together; thread i imports every name, starting at name i (results become one list per thread)" };
        var json = new Option<bool>("--json") { Description = "print the report as JSON (format in the README)" };
        var diagnostics = new Option<bool>("--diagnostics") { Description = "list, on standard error, every point the interpreter could not decide (file:line: kind: message)" };
        var coordination = new Option<string?>("--coordination") { Description = "how chains coordinate: actors | locks (default: actor-import.engine.coordination)" };
        coordination.AcceptOnlyFromAmong("actors", "locks");
        var lazy = new Option<string?>("--lazy") { Description = "PEP 810 lazy imports: normal | all | none (default: actor-import.lazy-imports.mode)" };
        lazy.AcceptOnlyFromAmong("normal", "all", "none");
        Option<bool> importTime = ImportTracing.ImportTimeOption();
        Option<string?> chromeTrace = ImportTracing.ChromeTraceOption();
        modules.Validators.Add(arg =>
        {
            foreach (var token in arg.Tokens.Where(t => !IsModuleName(t.Value)))
            {
                arg.AddError($"'{token.Value}' is not a module name");
            }
        });
        threads.Validators.Add(option =>
        {
            // A value that is not a number is the parser's own error (exit 2); reading it here would throw.
            if (option.Tokens.Count == 1 && int.TryParse(option.Tokens[0].Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int value)
                && value is < 1 or > 1024)
            {
                option.AddError($"--threads must be between 1 and 1024, not {value}");
            }
        });
        var command = new Command("import", "Import modules (default: the bundled sample tree) and report") { modules, path, threads, json, diagnostics, coordination, lazy, importTime, chromeTrace };
        command.SetAction(result => Run(result, configSwitches, new Arguments(
            result.GetValue(modules) ?? [], result.GetValue(path) ?? [], result.GetValue(threads), result.GetValue(json),
            result.GetValue(diagnostics),
            result.GetValue(coordination) is { } c ? Enum.Parse<CoordinationMode>(c, ignoreCase: true) : null,
            result.GetValue(lazy) is { } l ? Enum.Parse<LazyImportMode>(l, ignoreCase: true) : null,
            result.GetValue(importTime), result.GetValue(chromeTrace))));
        return command;
    }

    /// <summary>A dotted name of identifiers, as an <c>import</c> statement accepts.</summary>
    private static bool IsModuleName(string name) =>
        name.Split('.').All(part => part.Length > 0 && (char.IsLetter(part[0]) || part[0] == '_') && part.All(c => char.IsLetterOrDigit(c) || c == '_'));

    /// <summary>What the command line asked for. Immutable.</summary>
    private sealed record Arguments(string[] Modules, string[] Path, int? Threads, bool Json, bool Diagnostics, CoordinationMode? Coordination, LazyImportMode? Lazy, bool ImportTime, string? ChromeTrace);

    private static int Run(ParseResult result, IReadOnlyList<string> configSwitches, Arguments arguments)
    {
        CliSettings.Loaded? settings = CliSettings.Load(result, configSwitches);
        if (settings is null)
        {
            return CliSettings.ConfigurationError;
        }
        ActorImportOptions options = settings.Options;
        SearchPathResolver resolver = settings.Resolver;
        var searchPath = new List<string>(arguments.Path.Select(p => Path.GetFullPath(p)));
        string[] modules = arguments.Modules;
        if (modules.Length == 0)
        {
            modules = [DefaultTree.EntryModule];
            searchPath.AddRange(DefaultTree.SearchPath(resolver.DefaultTree));
        }
        ImportEngineOptions engineOptions = settings.EngineOptions(resolver);
        engineOptions = engineOptions with
        {
            SearchPath = [.. searchPath, .. engineOptions.SearchPath],
            Coordination = arguments.Coordination ?? engineOptions.Coordination,
            Interpreter = engineOptions.Interpreter with { LazyImports = arguments.Lazy ?? engineOptions.Interpreter.LazyImports },
        };

        // Diagnostics arrive from every importing thread; they are printed after the run, in order.
        var reported = new System.Collections.Concurrent.ConcurrentQueue<InterpreterDiagnostic>();
        if (arguments.Diagnostics)
        {
            engineOptions = engineOptions with { OnDiagnostic = (_, diagnostic) => reported.Enqueue(diagnostic) };
        }
        using ImportTracing? tracing = ImportTracing.Start(arguments.ImportTime, arguments.ChromeTrace, perThread: arguments.Threads > 1, Console.Error);
        if (tracing is null)
        {
            return CliSettings.ConfigurationError;
        }
        engineOptions = engineOptions with { Observer = tracing.Observer };
        using var engine = new ImportEngine(engineOptions);
        ImportRun run = ImportRun.Execute(engine, modules, arguments.Threads ?? 1);
        int? traceFailed = tracing.Finish(Console.Error);
        if (arguments.Json)
        {
            using Stream stdout = Console.OpenStandardOutput();
            ImportJsonReport.Write(stdout, engine, run, threaded: arguments.Threads is not null);
            stdout.Write("\n"u8);
        }
        else
        {
            ImportTextReport.Write(Console.Out, engine, run);
        }
        foreach (InterpreterDiagnostic diagnostic in reported)
        {
            Console.Error.WriteLine(diagnostic);
        }
        return traceFailed ?? (run.AllOk ? 0 : 1);
    }
}

using System.CommandLine;
using System.Text.Json;
using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Model;
using ActorImport.Python.Interpreting;

namespace ActorImport.Cli.Commands;

/// <summary>
/// <c>actorimport run [--path DIR]… [--json] [--diagnostics] FILE [ARGS…]</c> and
/// <c>actorimport run … -m MODULE [ARGS…]</c>: <c>python3 FILE</c> / <c>python3 -m MODULE</c> in
/// one <see cref="ImportEngine"/> (<see cref="MainModuleRunner"/>; search path: <c>sys.path[0]</c>,
/// then the <c>--path</c> entries, then the configured ones, as PYTHONPATH comes before the
/// standard library). Everything after FILE or MODULE belongs to the program, as for python3.
/// Errors: runpy's and "can't open file" as <c>actorimport: message</c> with CPython's exit code
/// (1, or 2 for a file that cannot be opened); an exception of the body as CPython's traceback,
/// exit code 1 (<c>SystemExit</c>: its code); bad arguments or configuration: exit code 2.
/// <c>--json</c> prints the main module's <c>__name__</c>, <c>__file__</c>, <c>__package__</c>,
/// <c>__spec__</c> (name, origin, parent) and <c>sys.path[0]</c> after the body ran.
/// </summary>
internal static class RunCommand
{
    private static readonly string[] ValueOptions = ["--path", "--config", "--set"];

    public static Command Create(IReadOnlyList<string> configSwitches)
    {
        var module = new Option<string?>("-m", "--module") { Description = "run a module as python3 -m does (a package runs its __main__ submodule)" };
        var arguments = new Argument<string[]>("args") { Description = "FILE, then the program's arguments (with -m: the module's arguments)", Arity = ArgumentArity.ZeroOrMore };
        var path = new Option<string[]>("--path") { Description = "a search path entry placed after sys.path[0] and before the configured ones (repeatable)", AllowMultipleArgumentsPerToken = false };
        var json = new Option<bool>("--json") { Description = "print __main__'s __name__, __file__, __package__, __spec__ and sys.path[0] as JSON after the run" };
        var diagnostics = new Option<bool>("--diagnostics") { Description = "list, on standard error, every point the interpreter could not decide (file:line: kind: message)" };
        var command = new Command("run", "Run a file or a module as __main__, as python3 FILE / python3 -m MODULE do") { module, arguments, path, json, diagnostics };
        command.Validators.Add(result =>
        {
            // GetResult, not GetValue: the value of a '-m' without its argument cannot be read here.
            if (result.GetResult(module) is null && result.GetResult(arguments) is not { Tokens.Count: > 0 })
            {
                result.AddError("a FILE or -m MODULE is required");
            }
            else if (result.GetResult(module) is null && result.GetResult(arguments)!.Tokens[0].Value is ['-', _, ..] option)
            {
                // An option this command does not know, before FILE: the parser took it for FILE.
                result.AddError($"unknown option {option}");
            }
        });
        command.SetAction(result => Run(result, configSwitches, new Arguments(
            result.GetValue(module), result.GetValue(arguments) ?? [], result.GetValue(path) ?? [], result.GetValue(json), result.GetValue(diagnostics))));
        return command;
    }

    /// <summary>
    /// Puts <c>--</c> after <c>run</c>'s FILE or <c>-m MODULE</c>, so that the program's own
    /// arguments (<c>run x.py --json</c>) reach it instead of this parser. Other command lines are
    /// returned as they are.
    /// </summary>
    public static string[] SeparateProgramArguments(string[] args)
    {
        int i = 0;
        while (i < args.Length && args[i].StartsWith('-'))
        {
            i += ValueOptions.Contains(args[i]) ? 2 : 1; // root options before the command
        }
        if (i >= args.Length || args[i] != "run")
        {
            return args;
        }
        for (i++; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg == "--")
            {
                return args;
            }
            if (arg is "-m" or "--module")
            {
                return i + 1 < args.Length ? [.. args[..(i + 2)], "--", .. args[(i + 2)..]] : args;
            }
            if (ValueOptions.Contains(arg))
            {
                i++;
                continue;
            }
            if (!arg.StartsWith('-') || arg == "-")
            {
                return [.. args[..(i + 1)], "--", .. args[(i + 1)..]];
            }
        }
        return args;
    }

    /// <summary>What the command line asked for. Immutable.</summary>
    private sealed record Arguments(string? Module, string[] FileAndArgs, string[] Path, bool Json, bool Diagnostics);

    private static int Run(ParseResult result, IReadOnlyList<string> configSwitches, Arguments arguments)
    {
        CliSettings.Loaded? settings = CliSettings.Load(result, configSwitches);
        if (settings is null)
        {
            return CliSettings.ConfigurationError;
        }
        ActorImportOptions options = settings.Options;
        ImportEngineOptions engineOptions = settings.EngineOptions(settings.Resolver);
        engineOptions = engineOptions with { SearchPath = [.. arguments.Path.Select(p => System.IO.Path.GetFullPath(p)), .. engineOptions.SearchPath] };
        var reported = new System.Collections.Concurrent.ConcurrentQueue<InterpreterDiagnostic>();
        if (arguments.Diagnostics)
        {
            engineOptions = engineOptions with { OnDiagnostic = (_, diagnostic) => reported.Enqueue(diagnostic) };
        }
        using var engine = new ImportEngine(engineOptions);
        int exitCode;
        try
        {
            ModuleObject main = arguments.Module is string name
                ? MainModuleRunner.RunModuleAsMain(engine, name)
                : MainModuleRunner.RunFileAsMain(engine, arguments.FileAndArgs[0]);
            if (arguments.Json)
            {
                WriteJson(main, engine.Path.Snapshot() is { Count: > 0 } sysPath ? sysPath[0] : null);
            }
            exitCode = 0;
        }
        catch (MainModuleError e)
        {
            Console.Error.WriteLine($"actorimport: {e.Message}");
            exitCode = e.ExitCode;
        }
        catch (PythonException e) when (e.TypeName == "SystemExit")
        {
            exitCode = SystemExitCode(e);
        }
        catch (PythonException e)
        {
            Console.Error.Write(TracebackText.Format(e, engine.Interpreter.Frames.TracebackOf(e)));
            exitCode = 1;
        }
        foreach (InterpreterDiagnostic diagnostic in reported)
        {
            Console.Error.WriteLine(diagnostic);
        }
        return exitCode;
    }

    /// <summary><c>handle_system_exit</c>: no argument or None is 0, an int is the code, anything else is printed and gives 1.</summary>
    private static int SystemExitCode(PythonException exit)
    {
        if (exit.Message.Length == 0 || exit.Message == "None")
        {
            return 0;
        }
        if (int.TryParse(exit.Message, out int code))
        {
            return code;
        }
        Console.Error.WriteLine(exit.Message);
        return 1;
    }

    /// <summary>The <c>--json</c> document: <c>{"main": {"__name__", "__file__", "__package__", "__spec__"}, "sys_path_0"}</c>.</summary>
    private static void WriteJson(ModuleObject main, string? sysPath0)
    {
        using Stream stdout = Console.OpenStandardOutput();
        using (var json = new Utf8JsonWriter(stdout, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartObject("main");
            WriteString(json, "__name__", main.GetAttributeOrDefault("__name__"));
            WriteString(json, "__file__", main.GetAttributeOrDefault("__file__"));
            WriteString(json, "__package__", main.GetAttributeOrDefault("__package__"));
            if (main.GetAttributeOrDefault("__spec__") is ModuleSpec spec)
            {
                json.WriteStartObject("__spec__");
                json.WriteString("name", spec.Name);
                WriteString(json, "origin", spec.Origin);
                json.WriteString("parent", spec.Parent);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("__spec__");
            }
            json.WriteEndObject();
            WriteString(json, "sys_path_0", sysPath0);
            json.WriteEndObject();
        }
        stdout.Write("\n"u8);
    }

    private static void WriteString(Utf8JsonWriter json, string name, object? value)
    {
        if (value is string s)
        {
            json.WriteString(name, s);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}

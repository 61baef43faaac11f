using System.CommandLine;
using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Model;
using ActorImport.Python.Interpreting;

namespace ActorImport.Cli.Commands;

/// <summary>
/// <c>actorimport find-spec NAME [--path DIR]…</c>: <c>importlib.util.find_spec(NAME)</c> on the
/// given path (default: the configured search path, where "auto" is the host CPython's path under
/// <c>-I -S</c>), in one <see cref="ImportEngine"/> (so the parent package is imported first,
/// as CPython does, and each path entry is asked by its path-entry actor); prints the spec's
/// repr, or CPython's error text (one line) with exit code 1.
/// </summary>
internal static class FindSpecCommand
{
    public static Command Create(IReadOnlyList<string> configSwitches)
    {
        var name = new Argument<string>("name") { Description = "module name (absolute, or relative with --package)" };
        var path = new Option<string[]>("--path") { Description = "a sys.path entry (repeatable); default: the configured search path (akka.hocon: \"auto\" is the host CPython's)", AllowMultipleArgumentsPerToken = false };
        var package = new Option<string?>("--package") { Description = "package for a relative name" };
        var command = new Command("find-spec", "Find a module's spec as importlib.util.find_spec does") { name, path, package };
        command.SetAction(result => Run(result, configSwitches, result.GetValue(name)!, result.GetValue(path) ?? [], result.GetValue(package)));
        return command;
    }

    private static int Run(ParseResult result, IReadOnlyList<string> configSwitches, string name, string[] path, string? package)
    {
        CliSettings.Loaded? settings = CliSettings.Load(result, configSwitches);
        if (settings is null)
        {
            return CliSettings.ConfigurationError;
        }
        // importlib.util.find_spec imports the parent package first (its body runs, and its
        // errors are the answer: find-spec 'p.x' of a failing 'p' is p's exception), so the
        // question goes to an engine, whose path entries are asked by their path-entry actors.
        ActorImportOptions options = settings.Options;
        ImportEngineOptions engineOptions = settings.EngineOptions(settings.Resolver);
        if (path.Length > 0)
        {
            engineOptions = engineOptions with { SearchPath = [.. path.Select(p => Path.GetFullPath(p))] };
        }
        using var engine = new ImportEngine(engineOptions);
        try
        {
            ModuleSpec? spec = engine.FindSpec(name, package);
            if (spec is null)
            {
                Console.Error.WriteLine(ModuleNotFoundError.NoModuleNamed(name).ToString());
                return 1;
            }
            Console.WriteLine(spec.Repr());
            return 0;
        }
        catch (PythonException e)
        {
            Console.Error.WriteLine(TracebackText.FinalLine(e));
            return 1;
        }
    }
}

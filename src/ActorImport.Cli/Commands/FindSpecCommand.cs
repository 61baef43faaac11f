using System.CommandLine;
using ActorImport.Configuration;
using ActorImport.Discovery;
using ActorImport.Model;

namespace ActorImport.Cli.Commands;

/// <summary>
/// <c>actorimport find-spec NAME [--path DIR]…</c>: <c>importlib.util.find_spec(NAME)</c> on the
/// given path (default: the configured search path, where "auto" is the host CPython's path under
/// <c>-I -S</c>), each path entry asked by its path-entry actor in the run's one
/// <see cref="ImportActorSystem"/>; prints the spec's repr, or
/// CPython's error text with exit code 1.
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
        // Akka's start-up (the one ActorSystem of this run) overlaps the host CPython's detection.
        Task<ImportActorSystem> starting = Task.Run(() => ImportActorSystem.Create(settings.Configuration));
        string targetVersion = settings.Options.Python.TargetVersion;
        HostPythonPath.Layout? host = HostPythonPath.Detect(targetVersion);
        IReadOnlyList<string> sysPath = path.Length > 0
            ? [.. path.Select(p => Path.GetFullPath(p))]
            : SearchPathResolver.ForHost(targetVersion).Resolve(settings.Options.Search.Path);
        FinderState state = FinderState.CreateDefault(sysPath, stdlibDirectory: host?.StdlibDirectory);
        using ImportActorSystem actors = starting.GetAwaiter().GetResult();
        using PathEntryActors entries = PathEntryActors.Install(actors, state); // each path entry answered by its own actor
        try
        {
            ModuleSpec? spec = SpecFinder.FindSpec(state, name, package);
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
            Console.Error.WriteLine(e.ToString());
            return 1;
        }
    }
}

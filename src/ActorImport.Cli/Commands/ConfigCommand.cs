using System.CommandLine;
using Microsoft.Extensions.Configuration;
using ActorImport.Configuration;

namespace ActorImport.Cli.Commands;

/// <summary>
/// <c>actorimport config</c>: prints the configuration a command would run with (the file, every
/// <c>actor-import</c> and <c>akka</c> setting after environment and switch overrides) and the search path it
/// resolves to, so a user can see what an override did before importing anything.
/// </summary>
internal static class ConfigCommand
{
    public static Command Create(IReadOnlyList<string> configSwitches)
    {
        var command = new Command("config", "Print the loaded configuration and the resolved search path");
        command.SetAction(result => Run(result, configSwitches));
        return command;
    }

    private static int Run(ParseResult result, IReadOnlyList<string> configSwitches)
    {
        CliSettings.Loaded? settings = CliSettings.Load(result, configSwitches);
        if (settings is null)
        {
            return CliSettings.ConfigurationError;
        }
        Console.WriteLine($"configuration: {settings.File ?? "(built-in defaults)"}");
        foreach (var (key, value) in settings.Configuration.AsEnumerable()
                     .Where(kv => kv.Value is not null
                         && (kv.Key.StartsWith(ActorImportOptions.SectionName + ":", StringComparison.Ordinal)
                             || kv.Key.StartsWith(AkkaSection.SectionName + ":", StringComparison.Ordinal)))
                     .OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {key} = {value}");
        }
        Console.WriteLine("search path:");
        foreach (string entry in settings.Resolver.Resolve(settings.Options.Search.Path))
        {
            Console.WriteLine($"  {entry}{(Directory.Exists(entry) || File.Exists(entry) ? "" : "  (missing)")}");
        }
        return 0;
    }
}

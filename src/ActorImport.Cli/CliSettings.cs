using System.CommandLine;
using ActorImport.Configuration;
using Microsoft.Extensions.Options;

namespace ActorImport.Cli;

/// <summary>
/// Loads the configuration a command runs with: <c>--config FILE</c> or the nearest
/// <c>akka.hocon</c>, then environment variables, then <c>--set key=value</c> and
/// <c>--actor-import:key=value</c> switches (taken out of the arguments by
/// <see cref="SplitConfigSwitches"/>). Bad configuration is reported on standard error
/// with the file, line and column or the key at fault (exit code 2). Stateless.
/// </summary>
internal static class CliSettings
{
    public const int ConfigurationError = 2;

    public static readonly Option<FileInfo?> ConfigOption = new("--config")
    {
        Description = "HOCON configuration file (default: the nearest akka.hocon)",
        Recursive = true,
    };

    public static readonly Option<string[]> SetOption = new("--set")
    {
        Description = "override a setting, e.g. --set bytecode.mode=checked-hash or --set akka.loglevel=DEBUG (repeatable)",
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>The loaded settings and where they came from.</summary>
    public sealed record Loaded(string? File, Microsoft.Extensions.Configuration.IConfigurationRoot Configuration, ActorImportOptions Options)
    {
        /// <summary>The search-path resolver for the configured Python version on this host.</summary>
        public SearchPathResolver Resolver => SearchPathResolver.ForHost(Options.Python.TargetVersion);

        /// <summary>The engine options every command starts from: the configuration, its resolved search path and its akka section.</summary>
        public Engine.ImportEngineOptions EngineOptions(SearchPathResolver resolver) =>
            Engine.ImportEngineOptions.FromConfiguration(Options, resolver, configuration: Configuration);
    }

    /// <summary>
    /// Separates <c>--actor-import:key=value</c> (or <c>--actor-import:key value</c>) switches,
    /// which the configuration reads, from the arguments the command parser reads.
    /// </summary>
    public static (string[] CommandArgs, string[] ConfigSwitches) SplitConfigSwitches(string[] args)
    {
        var command = new List<string>();
        var config = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--actor-import", StringComparison.Ordinal))
            {
                command.Add(args[i]);
                continue;
            }
            config.Add(args[i]);
            if (!args[i].Contains('=') && i + 1 < args.Length)
            {
                config.Add(args[++i]);
            }
        }
        return ([.. command], [.. config]);
    }

    /// <summary>Loads and validates; on failure writes the reason to standard error and returns null.</summary>
    public static Loaded? Load(ParseResult result, IReadOnlyList<string> configSwitches)
    {
        string? file = result.GetValue(ConfigOption)?.FullName ?? ActorImportConfiguration.LocateDefaultFile();
        var overrides = new List<string>();
        foreach (string set in result.GetValue(SetOption) ?? [])
        {
            overrides.Add("--set");
            overrides.Add(set);
        }
        overrides.AddRange(configSwitches);
        try
        {
            var configuration = ActorImportConfiguration.Build(file, [.. overrides]);
            return new Loaded(file, configuration, ActorImportConfiguration.Bind(configuration));
        }
        catch (Exception e) when (e is HoconException or OptionsValidationException or FormatException or FileNotFoundException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"actorimport: configuration error: {e.Message}");
            return null;
        }
    }
}

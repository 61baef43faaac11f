using System.CommandLine;
using ActorImport.Cli;
using ActorImport.Cli.Commands;

// `actorimport`: import a tree and report, find specs. Configuration comes from akka.hocon,
// ACTORIMPORT__… environment variables and --set / --actor-import:… switches (CliSettings).
// `--actor-import:key=value` switches are configuration, not arguments: take them out first.
(string[] commandArgs, string[] configOverrides) = CliSettings.SplitConfigSwitches(args);
var root = new RootCommand("ActorImport: Python's import system as an actor-based, parallel engine")
{
};
root.Options.Add(CliSettings.ConfigOption);
root.Options.Add(CliSettings.SetOption);
root.Subcommands.Add(ImportCommand.Create(configOverrides));
root.Subcommands.Add(FindSpecCommand.Create(configOverrides));
root.Subcommands.Add(ConfigCommand.Create(configOverrides));
root.Subcommands.Add(StressCommand.Create(configOverrides));
root.Subcommands.Add(BenchCommand.Create(configOverrides));
root.Subcommands.Add(RunCommand.Create(configOverrides));
ParseResult parsed = root.Parse(RunCommand.SeparateProgramArguments(commandArgs));
if (CommandLineErrors.Report(parsed) is int exitCode)
{
    return exitCode;
}
return parsed.Invoke();

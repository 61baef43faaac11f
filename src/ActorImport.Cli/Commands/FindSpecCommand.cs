using System.CommandLine;

namespace ActorImport.Cli.Commands;

internal static class FindSpecCommand
{
    public static Command Create() => new("find-spec", "Find a module's spec (arrives with wt/discovery)");
}

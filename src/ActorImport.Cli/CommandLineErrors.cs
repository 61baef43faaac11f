using System.CommandLine;
using System.Text.RegularExpressions;

namespace ActorImport.Cli;

/// <summary>
/// Malformed command lines, for every command alike: the parser's errors joined into one line
/// on standard error, <c>actorimport COMMAND: …</c>, and exit code 2 (the code bad configuration
/// gets), so that 1 keeps meaning "an import failed". Stateless.
/// </summary>
internal static partial class CommandLineErrors
{
    /// <summary>The exit code, when <paramref name="parsed"/> has errors; null when the command may run.</summary>
    public static int? Report(ParseResult parsed)
    {
        if (parsed.Errors.Count == 0)
        {
            return null;
        }
        string command = parsed.CommandResult.Command is RootCommand ? "actorimport" : $"actorimport {parsed.CommandResult.Command.Name}";
        Console.Error.WriteLine($"{command}: {string.Join("; ", parsed.Errors.Select(e => Whitespace().Replace(e.Message, " ").Trim()))}");
        return CliSettings.ConfigurationError;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

using System.CommandLine;
using Microsoft.Extensions.Configuration;
using ActorImport.Configuration;

namespace ActorImport.Cli.Commands;

/// <summary>
/// <c>actorimport import [MODULE…] [--path DIR…]</c>: the main job. Without modules it imports
/// the bundled default tree (entry module <c>shop</c>, its three path entries first). Until the
/// engine lands (issue 4/6) it prints the configuration it loaded and the search path it would
/// import with.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(IReadOnlyList<string> configSwitches)
    {
        var modules = new Argument<string[]>("modules") { Description = "modules to import (default: the bundled tree's 'shop')", Arity = ArgumentArity.ZeroOrMore };
        var path = new Option<string[]>("--path") { Description = "a search path entry placed before the configured ones (repeatable)" };
        modules.Validators.Add(arg =>
        {
            foreach (var token in arg.Tokens.Where(t => !IsModuleName(t.Value)))
            {
                arg.AddError($"'{token.Value}' is not a module name");
            }
        });
        var command = new Command("import", "Import modules (default: the bundled sample tree) and report") { modules, path };
        command.SetAction(result => Run(result, configSwitches, result.GetValue(modules) ?? [], result.GetValue(path) ?? []));
        return command;
    }

    /// <summary>A dotted name of identifiers, as an <c>import</c> statement accepts.</summary>
    private static bool IsModuleName(string name) =>
        name.Split('.').All(part => part.Length > 0 && (char.IsLetter(part[0]) || part[0] == '_') && part.All(c => char.IsLetterOrDigit(c) || c == '_'));

    private static int Run(ParseResult result, IReadOnlyList<string> configSwitches, string[] modules, string[] extraPath)
    {
        CliSettings.Loaded? settings = CliSettings.Load(result, configSwitches);
        if (settings is null)
        {
            return CliSettings.ConfigurationError;
        }

        ActorImportOptions options = settings.Options;
        var resolver = SearchPathResolver.ForHost(options.Python.TargetVersion);
        var searchPath = new List<string>(extraPath.Select(p => Path.GetFullPath(p)));
        if (modules.Length == 0)
        {
            modules = [DefaultTree.EntryModule];
            searchPath.AddRange(DefaultTree.SearchPath(resolver.DefaultTree));
        }
        searchPath.AddRange(resolver.Resolve(options.Search.Path));

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
        foreach (string entry in searchPath)
        {
            Console.WriteLine($"  {entry}{(Directory.Exists(entry) || File.Exists(entry) ? "" : "  (missing)")}");
        }
        Console.WriteLine($"modules: {string.Join(", ", modules)}");
        Console.WriteLine("the import engine arrives with issue 4/6; nothing was executed");
        return 0;
    }
}

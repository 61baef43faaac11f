using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ActorImport.Configuration;

/// <summary>
/// Checks bound <see cref="ActorImportOptions"/>; every failure names the configuration key
/// (<c>actor-import:search:path must be …</c>). Usable with the options framework
/// (<c>services.AddSingleton&lt;IValidateOptions&lt;ActorImportOptions&gt;, …&gt;</c>) or directly.
/// Thread-safety: stateless.
/// </summary>
public sealed partial class ActorImportOptionsValidator : IValidateOptions<ActorImportOptions>
{
    private const string Root = ActorImportOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, ActorImportOptions options)
    {
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The failures, each naming its key; empty when the options are valid.</summary>
    public static List<string> Check(ActorImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.Timeouts.ImportWait <= TimeSpan.Zero && options.Timeouts.ImportWait != Timeout.InfiniteTimeSpan)
        {
            failures.Add($"{Root}:timeouts:import-wait must be a positive duration or infinite (was {Show(options.Timeouts.ImportWait)})");
        }

        if (options.Search.Path.Count == 0 || options.Search.Path.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{Root}:search:path must be a non-empty list of non-empty entries");
        }

        if (!VersionPattern().IsMatch(options.Python.TargetVersion ?? ""))
        {
            failures.Add($"{Root}:python:target-version must look like \"3.11\" (was \"{options.Python.TargetVersion}\")");
        }

        if (string.IsNullOrWhiteSpace(options.Python.CacheTag) || options.Python.CacheTag.IndexOfAny(['/', '\\']) >= 0)
        {
            failures.Add($"{Root}:python:cache-tag must be a non-empty name without path separators (was \"{options.Python.CacheTag}\")");
        }

        if (!Enum.IsDefined(options.Bytecode.Mode))
        {
            failures.Add($"{Root}:bytecode:mode must be timestamp, checked-hash or unchecked-hash (was {(int)options.Bytecode.Mode})");
        }

        if (!Enum.IsDefined(options.LazyImports.Mode))
        {
            failures.Add($"{Root}:lazy-imports:mode must be normal, all or none (was {(int)options.LazyImports.Mode})");
        }

        if (options.Engine.MaxImportDepth < 1)
        {
            failures.Add($"{Root}:engine:max-import-depth must be at least 1 (was {options.Engine.MaxImportDepth})");
        }

        if (options.Trace.Output is null)
        {
            failures.Add($"{Root}:trace:output must be a file name or \"\" (was null)");
        }

        return failures;
    }

    private static string Show(TimeSpan value) => value == Timeout.InfiniteTimeSpan ? HoconDuration.Infinite : value.ToString();

    [GeneratedRegex(@"^3\.\d{1,2}$")]
    private static partial Regex VersionPattern();
}

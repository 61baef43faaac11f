using System.Collections;
using Microsoft.Extensions.Configuration;

namespace ActorImport.Configuration;

/// <summary>
/// Loads <see cref="ActorImportEnvironmentSource"/>: maps <c>ACTORIMPORT__a__b_c</c> to
/// <c>actor-import:a:b-c</c>, and <c>ACTORIMPORT__akka__a</c> to <c>akka:a</c>; a value that
/// starts with <c>[</c> or <c>{</c> is HOCON (<c>ACTORIMPORT__search__path=[auto, /opt]</c>).
/// Thread-safety: as <see cref="ConfigurationProvider"/>.
/// </summary>
public sealed class ActorImportEnvironmentProvider : ConfigurationProvider
{
    private readonly ActorImportEnvironmentSource _source;

    public ActorImportEnvironmentProvider(ActorImportEnvironmentSource source) => _source = source;

    public override void Load()
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in Variables())
        {
            if (MapName(name) is { } key)
            {
                OverrideKeys.Add(data, key, value, name);
            }
        }

        Data = data;
    }

    /// <summary>The configuration key for a variable name, or null if the variable is not ours.</summary>
    public static string? MapName(string name)
    {
        if (!name.StartsWith(ActorImportEnvironmentSource.Prefix, StringComparison.OrdinalIgnoreCase)
            || name.Length == ActorImportEnvironmentSource.Prefix.Length)
        {
            return null;
        }

        string[] segments = [.. name[ActorImportEnvironmentSource.Prefix.Length..]
            .Split("__")
            .Select(segment => segment.Replace('_', '-'))];
        return OverrideKeys.KeyFor(segments);
    }

    private IEnumerable<KeyValuePair<string, string?>> Variables()
    {
        if (_source.Variables is { } given)
        {
            return given;
        }

        return Environment.GetEnvironmentVariables()
            .Cast<DictionaryEntry>()
            .Select(e => new KeyValuePair<string, string?>((string)e.Key, (string?)e.Value));
    }
}

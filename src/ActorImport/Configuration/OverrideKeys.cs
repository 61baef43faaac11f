using Microsoft.Extensions.Configuration;

namespace ActorImport.Configuration;

/// <summary>
/// What the override layers (environment variables, <c>--set</c> switches) share: where a
/// setting's path lands — under <c>akka</c> when it starts with <c>akka</c>, else under
/// <c>actor-import</c> (which may be written out or left implicit) — and how a value that
/// starts with <c>[</c> or <c>{</c> is read: as HOCON, so that it sets a whole list or object.
/// Thread-safety: stateless.
/// </summary>
internal static class OverrideKeys
{
    /// <summary>The configuration key for a setting's path segments.</summary>
    public static string KeyFor(IReadOnlyList<string> segments)
    {
        string key = string.Join(ConfigurationPath.KeyDelimiter, segments);
        bool rooted = segments.Count > 0
            && (segments[0].Equals(ActorImportOptions.SectionName, StringComparison.OrdinalIgnoreCase)
                || segments[0].Equals(AkkaSection.SectionName, StringComparison.OrdinalIgnoreCase));
        return rooted ? key : ActorImportOptions.SectionName + ConfigurationPath.KeyDelimiter + key;
    }

    /// <summary>
    /// Adds <paramref name="value"/> at <paramref name="key"/>: a list or object written in
    /// HOCON becomes its elements (<c>key:0</c>, <c>key:1</c>, …), anything else is the value.
    /// </summary>
    /// <param name="shown">How the override reads in an error message (the switch or the variable).</param>
    /// <exception cref="HoconException">The HOCON value is malformed; the message names <paramref name="shown"/>.</exception>
    public static void Add(Dictionary<string, string?> data, string key, string? value, string shown)
    {
        if (value is not null && value.TrimStart() is ['[', ..] or ['{', ..])
        {
            const string field = "value";
            var read = HoconReader.ReadText($"{field} = {value}", shown, Directory.GetCurrentDirectory(), Environment.GetEnvironmentVariable);
            foreach (var (readKey, readValue) in read)
            {
                data[key + readKey[field.Length..]] = readValue;
            }
            return;
        }
        data[key] = value;
    }
}

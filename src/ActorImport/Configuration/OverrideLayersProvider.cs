using Microsoft.Extensions.Configuration;

namespace ActorImport.Configuration;

/// <summary>
/// Loads an <see cref="OverrideLayersSource"/>: every layer's provider in order, each merged
/// over the ones before it (see the source for the rule). A child keyed by a number is a list
/// element, as the flat configuration form writes arrays.
/// Thread-safety: as <see cref="ConfigurationProvider"/> (loaded once by the builder, then read).
/// </summary>
public sealed class OverrideLayersProvider(IReadOnlyList<IConfigurationProvider> layers) : ConfigurationProvider
{
    public override void Load()
    {
        var merged = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (IConfigurationProvider layer in layers)
        {
            layer.Load();
            Dictionary<string, string?> data = Leaves(layer);
            foreach (string replaced in ReplacedKeys(data.Keys))
            {
                Remove(merged, replaced);
            }
            foreach ((string key, string? value) in data)
            {
                merged[key] = value;
            }
        }
        Data = merged;
    }

    /// <summary>
    /// The keys whose earlier values a layer replaces as a whole: every key it sets, and every
    /// list it sets an element of (<c>a:list:3:x</c> replaces <c>a:list</c>).
    /// </summary>
    private static HashSet<string> ReplacedKeys(IEnumerable<string> keys)
    {
        var replaced = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string key in keys)
        {
            replaced.Add(key);
            string[] segments = key.Split(ConfigurationPath.KeyDelimiter);
            for (int i = 1; i < segments.Length; i++)
            {
                if (segments[i].Length > 0 && segments[i].All(char.IsAsciiDigit))
                {
                    replaced.Add(string.Join(ConfigurationPath.KeyDelimiter, segments[..i]));
                }
            }
        }
        return replaced;
    }

    /// <summary>Removes <paramref name="key"/> and everything below it.</summary>
    private static void Remove(Dictionary<string, string?> merged, string key)
    {
        string below = key + ConfigurationPath.KeyDelimiter;
        foreach (string existing in merged.Keys.Where(k => k.Equals(key, StringComparison.OrdinalIgnoreCase) || k.StartsWith(below, StringComparison.OrdinalIgnoreCase)).ToList())
        {
            merged.Remove(existing);
        }
    }

    /// <summary>Every key a provider holds a value for (null included), found by walking its child keys.</summary>
    private static Dictionary<string, string?> Leaves(IConfigurationProvider provider)
    {
        var leaves = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        void Walk(string? parent)
        {
            foreach (string child in provider.GetChildKeys([], parent).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                string key = parent is null ? child : ConfigurationPath.Combine(parent, child);
                if (provider.TryGet(key, out string? value))
                {
                    leaves[key] = value;
                }
                Walk(key);
            }
        }
        Walk(null);
        return leaves;
    }
}

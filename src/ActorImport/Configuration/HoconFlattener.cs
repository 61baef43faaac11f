using System.Globalization;

namespace ActorImport.Configuration;

/// <summary>
/// Turns a resolved HOCON tree into Microsoft.Extensions.Configuration's flat key/value form:
/// path segments joined with ':', array elements keyed by index (<c>a:list:0</c>), null for
/// HOCON null and for an empty object or array (as the JSON provider does).
/// Thread-safety: stateless.
/// </summary>
internal static class HoconFlattener
{
    public static Dictionary<string, string?> Flatten(HoconObject root)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in root.Fields)
        {
            Add(data, key, value);
        }

        return data;
    }

    private static void Add(Dictionary<string, string?> data, string key, HoconValue value)
    {
        switch (value)
        {
            case HoconScalar scalar:
                data[key] = scalar.Text;
                break;
            case HoconObject { Fields.Count: 0 }:
            case HoconArray { Items.Count: 0 }:
                data[key] = null;
                break;
            case HoconObject obj:
                foreach (var (child, childValue) in obj.Fields)
                {
                    Add(data, key + ConfigurationPathSeparator + child, childValue);
                }

                break;
            case HoconArray array:
                for (int i = 0; i < array.Items.Count; i++)
                {
                    Add(data, key + ConfigurationPathSeparator + i.ToString(CultureInfo.InvariantCulture), array.Items[i]);
                }

                break;
            default:
                throw new InvalidOperationException($"unresolved HOCON node {value.GetType().Name} at {value.Position}");
        }
    }

    private const string ConfigurationPathSeparator = ":";
}

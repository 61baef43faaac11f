using System.Text;

namespace ActorImport.Configuration;

/// <summary>
/// HOCON path expressions (<c>a.b."c.d"</c>): parsing into segments and rendering back.
/// Thread-safety: stateless.
/// </summary>
internal static class HoconPath
{
    /// <summary>Splits a path expression; dots inside quotes belong to the segment.</summary>
    public static List<string> Parse(string expression, HoconPosition position)
    {
        var segments = new List<string>();
        var current = new StringBuilder();
        bool inQuotes = false;
        bool sawAnything = false;
        foreach (char c in expression)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
                sawAnything = true;
            }
            else if (c == '.' && !inQuotes)
            {
                Add();
            }
            else
            {
                current.Append(c);
                sawAnything = true;
            }
        }

        if (inQuotes)
        {
            throw new HoconException(position, $"unterminated quote in path '{expression}'");
        }

        Add();
        return segments;

        void Add()
        {
            if (!sawAnything)
            {
                throw new HoconException(position, $"invalid path '{expression}': empty segment");
            }

            segments.Add(current.ToString()); // quoted segments keep their spaces
            current.Clear();
            sawAnything = false;
        }
    }

    /// <summary>Renders segments as a path expression, quoting segments that need it.</summary>
    public static string Render(IEnumerable<string> segments) =>
        string.Join('.', segments.Select(s => s.Length == 0 || s.Any(c => c == '.' || c == '"' || char.IsWhiteSpace(c) || c == ':') ? "\"" + s.Replace("\"", "\\\"") + "\"" : s));

    public static bool StartsWith(IReadOnlyList<string> path, IReadOnlyList<string> prefix)
    {
        if (prefix.Count == 0 || prefix.Count > path.Count)
        {
            return false;
        }

        for (int i = 0; i < prefix.Count; i++)
        {
            if (!string.Equals(path[i], prefix[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}

using System.Text;

namespace ActorImport.Discovery;

/// <summary>CPython's <c>repr</c> of the few values specs hold (str, list of str). Stateless.</summary>
public static class PythonRepr
{
    /// <summary><c>repr(str)</c>: single quotes unless the text holds a single quote and no double quote.</summary>
    public static string String(string value)
    {
        char quote = value.Contains('\'') && !value.Contains('"') ? '"' : '\'';
        var builder = new StringBuilder().Append(quote);
        foreach (char c in value)
        {
            switch (c)
            {
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c == quote)
                    {
                        builder.Append('\\').Append(c);
                    }
                    else if (c < ' ' || c == '\x7f')
                    {
                        builder.Append($"\\x{(int)c:x2}");
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        return builder.Append(quote).ToString();
    }

    /// <summary><c>repr(list_of_str)</c>.</summary>
    public static string List(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(String)) + "]";
}

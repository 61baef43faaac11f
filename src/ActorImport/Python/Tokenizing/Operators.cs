namespace ActorImport.Python.Tokenizing;

/// <summary>
/// Python 3.11's operators and delimiters (tokenize's <c>EXACT_TOKEN_TYPES</c>), matched
/// longest first as tokenize's regular expression does. Returns shared string instances so
/// that operator tokens allocate nothing. Stateless; safe from any thread.
/// </summary>
internal static class Operators
{
    /// <summary>
    /// The operator starting at <paramref name="p"/>, or <c>null</c> when none starts there
    /// (for example <c>$</c>, <c>?</c>, or <c>!</c> not followed by <c>=</c>).
    /// </summary>
    public static string? Match(string s, int p)
    {
        char c = s[p];
        char c1 = p + 1 < s.Length ? s[p + 1] : '\0';
        char c2 = p + 2 < s.Length ? s[p + 2] : '\0';
        switch (c)
        {
            case '(': return "(";
            case ')': return ")";
            case '[': return "[";
            case ']': return "]";
            case '{': return "{";
            case '}': return "}";
            case ',': return ",";
            case ';': return ";";
            case '~': return "~";
            case ':': return c1 == '=' ? ":=" : ":";
            case '.': return c1 == '.' && c2 == '.' ? "..." : ".";
            case '=': return c1 == '=' ? "==" : "=";
            case '!': return c1 == '=' ? "!=" : null;
            case '+': return c1 == '=' ? "+=" : "+";
            case '-': return c1 == '=' ? "-=" : c1 == '>' ? "->" : "-";
            case '%': return c1 == '=' ? "%=" : "%";
            case '&': return c1 == '=' ? "&=" : "&";
            case '|': return c1 == '=' ? "|=" : "|";
            case '^': return c1 == '=' ? "^=" : "^";
            case '@': return c1 == '=' ? "@=" : "@";
            case '*':
                if (c1 == '*')
                {
                    return c2 == '=' ? "**=" : "**";
                }
                return c1 == '=' ? "*=" : "*";
            case '/':
                if (c1 == '/')
                {
                    return c2 == '=' ? "//=" : "//";
                }
                return c1 == '=' ? "/=" : "/";
            case '<':
                if (c1 == '<')
                {
                    return c2 == '=' ? "<<=" : "<<";
                }
                return c1 == '=' ? "<=" : "<";
            case '>':
                if (c1 == '>')
                {
                    return c2 == '=' ? ">>=" : ">>";
                }
                return c1 == '=' ? ">=" : ">";
            default:
                return null;
        }
    }
}

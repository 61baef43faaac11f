using ActorImport.Model;
using ActorImport.Python.Tokenizing;

namespace ActorImport.Python.Parsing;

/// <summary>
/// The names read by the replacement fields of an f-string, which Python 3.11 tokenizes as one
/// STRING token. Each field's expression is cut out of the literal and run through the real
/// tokenizer; names are picked as in any expression (not keywords, not attributes, not keyword
/// arguments). A field that does not tokenize is skipped: this only widens what an expression
/// is known to read, it never decides whether the source is valid. Stateless.
/// </summary>
internal static class FStringNames
{
    /// <summary>True for a string token whose prefix has <c>f</c> or <c>F</c>.</summary>
    public static bool IsFString(string token)
    {
        foreach (char c in token)
        {
            if (c is '\'' or '"')
            {
                return false;
            }
            if (c is 'f' or 'F')
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Calls <paramref name="add"/> for every name the fields of f-string <paramref name="token"/> read.</summary>
    public static void Collect(string token, Action<string> add)
    {
        int quote = token.IndexOfAny(['\'', '"']);
        int quoteLength = token.AsSpan(quote).StartsWith("\"\"\"") || token.AsSpan(quote).StartsWith("'''") ? 3 : 1;
        int end = token.Length - quoteLength;
        int i = quote + quoteLength;
        while (i < end)
        {
            if (token[i] != '{')
            {
                i++; // literal text, '}}', or a format spec's text: nested '{' fields are found as we go
                continue;
            }
            if (i + 1 < end && token[i + 1] == '{')
            {
                i += 2;
                continue;
            }
            int fieldEnd = FieldEnd(token, i + 1, end);
            CollectFromExpression(token.AsSpan(i + 1, fieldEnd - i - 1).TrimEnd().TrimEnd('=').ToString(), add);
            i = fieldEnd;
        }
    }

    /// <summary>
    /// Where a field's expression ends: a top-level <c>}</c>, <c>!</c> conversion or <c>:</c>
    /// format spec (the interpreter's f-string evaluation cuts its fields with it too).
    /// </summary>
    internal static int FieldEnd(string text, int start, int end)
    {
        int depth = 0;
        char quote = '\0';
        for (int j = start; j < end; j++)
        {
            char c = text[j];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                if (depth == 0)
                {
                    return j;
                }
                depth--;
            }
            else if (depth == 0 && ((c == '!' && (j + 1 >= end || text[j + 1] != '=')) || c == ':'))
            {
                return j;
            }
        }
        return end;
    }

    private static void CollectFromExpression(string expression, Action<string> add)
    {
        if (expression.Length == 0 || expression.EndsWith('!') || expression.EndsWith('<') || expression.EndsWith('>'))
        {
            return; // '{x!=}'-like oddities: not worth guessing
        }
        IReadOnlyList<Token> tokens;
        try
        {
            tokens = Tokenizer.Tokenize("(" + expression + ")", "<fstring>");
        }
        catch (PythonSyntaxError)
        {
            return;
        }
        for (int i = 0; i < tokens.Count; i++)
        {
            Token token = tokens[i];
            if (token.Kind == TokenKind.String && IsFString(token.Text))
            {
                Collect(token.Text, add);
                continue;
            }
            if (token.Kind != TokenKind.Name || Keywords.IsKeyword(token.Text))
            {
                continue;
            }
            bool afterDot = i > 0 && tokens[i - 1] is { Kind: TokenKind.Op, Text: "." };
            bool keywordArgument = i + 1 < tokens.Count && tokens[i + 1] is { Kind: TokenKind.Op, Text: "=" }
                && tokens[i - 1] is { Kind: TokenKind.Op, Text: "(" or "," };
            if (!afterDot && !keywordArgument)
            {
                add(token.Text);
            }
        }
    }
}

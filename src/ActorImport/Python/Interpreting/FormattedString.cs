using System.Text;
using ActorImport.Model;
using ActorImport.Python.Interpreting.Values;
using ActorImport.Python.Parsing;
using ActorImport.Python.Tokenizing;

namespace ActorImport.Python.Interpreting;

/// <summary>
/// An f-string's value (Python 3.11 tokenizes it as one STRING token): the literal parts decoded
/// as the string literal would be, each replacement field's expression tokenized and evaluated
/// in the same context, then converted with <c>str()</c> (or <c>repr()</c> for <c>!r</c>). A
/// field whose value is not known, a format spec, <c>!a</c> or a self-documenting <c>=</c> makes
/// the whole string opaque. Stateless.
/// </summary>
internal static class FormattedString
{
    public static object Evaluate(string token, Func<Token[], object?> evaluate)
    {
        int quoteAt = token.IndexOfAny(['\'', '"']);
        string prefix = token[..quoteAt].Replace("f", "", StringComparison.Ordinal).Replace("F", "", StringComparison.Ordinal);
        int quoteLength = token.Length - quoteAt >= 6 && token[quoteAt] == token[quoteAt + 1] && token[quoteAt] == token[quoteAt + 2] ? 3 : 1;
        string quote = token.Substring(quoteAt, quoteLength);
        int end = token.Length - quoteLength;
        var result = new StringBuilder();
        var literal = new StringBuilder();
        for (int i = quoteAt + quoteLength; i < end;)
        {
            char c = token[i];
            if ((c == '{' || c == '}') && i + 1 < end && token[i + 1] == c)
            {
                literal.Append(c).Append(c);
                i += 2;
                continue;
            }
            if (c != '{')
            {
                literal.Append(c);
                i++;
                continue;
            }
            if (!AppendLiteral(result, literal, prefix, quote))
            {
                return Opaque(token);
            }
            int fieldEnd = FStringNames.FieldEnd(token, i + 1, end);
            if (fieldEnd >= end || token[fieldEnd] != '}')
            {
                // A conversion or a format spec follows; only a bare !r or !s is evaluated.
                if (fieldEnd + 2 < end && token[fieldEnd] == '!' && token[fieldEnd + 1] is 'r' or 's' && token[fieldEnd + 2] == '}')
                {
                    object? converted = Field(token[(i + 1)..fieldEnd], evaluate, token[fieldEnd + 1] == 'r');
                    if (converted is not string text)
                    {
                        return Opaque(token);
                    }
                    result.Append(text);
                    i = fieldEnd + 3;
                    continue;
                }
                return Opaque(token);
            }
            if (Field(token[(i + 1)..fieldEnd], evaluate, repr: false) is not string value)
            {
                return Opaque(token);
            }
            result.Append(value);
            i = fieldEnd + 1;
        }
        return AppendLiteral(result, literal, prefix, quote) ? result.ToString() : Opaque(token);
    }

    private static OpaqueValue Opaque(string token) => new($"f-string {token}");

    /// <summary>Decodes the pending literal text as the same (non-f) string literal would be.</summary>
    private static bool AppendLiteral(StringBuilder result, StringBuilder literal, string prefix, string quote)
    {
        if (literal.Length == 0)
        {
            return true;
        }
        string text = literal.ToString().Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal);
        literal.Clear();
        if (text.EndsWith('\\') && !text.EndsWith("\\\\", StringComparison.Ordinal))
        {
            return false;
        }
        if (PyLiteral.ParseString(prefix + quote + text + quote) is not string decoded)
        {
            return false;
        }
        result.Append(decoded);
        return true;
    }

    /// <summary>A field's expression, evaluated and converted; null when not known.</summary>
    private static string? Field(string expression, Func<Token[], object?> evaluate, bool repr)
    {
        if (expression.TrimEnd().EndsWith('='))
        {
            return null;
        }
        IReadOnlyList<Token> tokens;
        try
        {
            tokens = Tokenizer.Tokenize("(" + expression + ")", "<fstring>");
        }
        catch (PythonSyntaxError)
        {
            return null;
        }
        object? value = evaluate(tokens.ToArray());
        if (repr)
        {
            return PyOperators.IsKnown(value) ? PyRepr.Of(value) : null;
        }
        return value switch
        {
            string s => s,
            PythonException e => e.Message,
            ModuleObject or PyExceptionClass or PyBuiltinType => value.ToString(),
            _ when PyOperators.IsKnown(value) => PyRepr.Of(value),
            _ => null,
        };
    }
}

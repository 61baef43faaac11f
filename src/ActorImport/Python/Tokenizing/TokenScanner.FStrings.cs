using System.Buffers;

namespace ActorImport.Python.Tokenizing;

/// <summary>
/// f-strings, scanned through their replacement fields so that 3.12's nesting
/// (<c>f"{x["a"]}"</c>, f-strings inside f-strings) stays one STRING token; for 3.11 code,
/// whose fields never reuse the enclosing quote, this ends every f-string where tokenize does.
/// </summary>
public sealed partial class TokenScanner
{
    private static readonly SearchValues<char> SingleQuoteFStops = SearchValues.Create("'\\\n\r{}");
    private static readonly SearchValues<char> DoubleQuoteFStops = SearchValues.Create("\"\\\n\r{}");

    // Replacement fields open around the scan position (bounded by MaxBracketDepth).
    private int _fieldDepth;

    /// <summary>An f-string's literal text: doubled braces are text, a single '{' opens a replacement field.</summary>
    private int ScanFStringBody(int p, in StringContext context)
    {
        string s = _source;
        SearchValues<char> stops = context.Quote == '\'' ? SingleQuoteFStops : DoubleQuoteFStops;
        while (true)
        {
            int i = s.AsSpan(p).IndexOfAny(stops);
            if (i < 0)
            {
                throw Unterminated(context);
            }
            p += i;
            char c = s[p];
            switch (c)
            {
                case '{':
                    p = p + 1 < s.Length && s[p + 1] == '{' ? p + 2 : ScanReplacementField(p + 1, context);
                    break;
                case '}':
                    p++;   // "}}", or a single '}' that the compiler rejects
                    break;
                case '\\':
                    // A backslash never hides a brace: "\{x}" still opens a field.
                    p = p + 1 < s.Length && s[p + 1] is '{' or '}' ? p + 1 : SkipEscape(p, context);
                    break;
                case '\n':
                case '\r':
                    p = StringLineBreak(p, context);
                    break;
                default:
                    if (IsClosingQuote(p, context))
                    {
                        return p + (context.Triple ? 3 : 1);
                    }
                    p++;
                    break;
            }
        }
    }

    /// <summary>
    /// A replacement field's expression, from just after '{' to just past its '}': brackets
    /// nest, strings (even in the enclosing quote, as 3.12 allows) are scanned whole, and a ':'
    /// outside brackets starts the format spec.
    /// </summary>
    private int ScanReplacementField(int p, in StringContext context)
    {
        // Fields nest through strings inside them (3.12), each level a recursion: bounded as
        // brackets are, with 3.11's message for f'{f'{…' (found by fuzzing: "f'{" * 100000
        // overflowed the stack).
        if (++_fieldDepth > MaxBracketDepth)
        {
            throw ErrorAt("too many nested parentheses", p);
        }
        try
        {
            return ScanReplacementFieldNested(p, context);
        }
        finally
        {
            _fieldDepth--;
        }
    }

    private int ScanReplacementFieldNested(int p, in StringContext context)
    {
        string s = _source;
        int depth = 0;
        while (true)
        {
            if (p >= s.Length)
            {
                throw Unterminated(context);
            }
            char c = s[p];
            switch (c)
            {
                case '\'':
                case '"':
                    p = c == context.Quote ? ScanEnclosingQuoteString(p, context) : ScanString(p, p, new SourcePosition(_line, ColumnOf(p)));
                    continue;
                case '(':
                case '[':
                case '{':
                    depth++;
                    break;
                case ')':
                case ']':
                    depth--;
                    break;
                case '}':
                    if (depth <= 0)
                    {
                        return p + 1;
                    }
                    depth--;
                    break;
                case ':':
                    if (depth <= 0)
                    {
                        return ScanFormatSpec(p + 1, context);
                    }
                    break;
                case '\\':
                    p = SkipEscape(p, context);
                    continue;
                case '\n':
                case '\r':
                    p = StringLineBreak(p, context);
                    continue;
                default:
                    if (IdentifierChars.IsAsciiStart(c))
                    {
                        int end = p + 1;
                        while (end < s.Length && IdentifierChars.IsAsciiContinue(s[end]))
                        {
                            end++;
                        }
                        if (end - p <= 2 && end < s.Length && (s[end] == '\'' || s[end] == '"') && IsStringPrefix(p, end - p))
                        {
                            p = ScanString(p, end, new SourcePosition(_line, ColumnOf(p)));
                            continue;
                        }
                        p = end;
                        continue;
                    }
                    break;
            }
            p++;
        }
    }

    /// <summary>
    /// The enclosing quote inside a replacement field: a nested string for 3.12, which 3.11
    /// (where it ends the f-string early) reports as "f-string: expecting '}'" when it is not one.
    /// </summary>
    private int ScanEnclosingQuoteString(int p, in StringContext context)
    {
        (int line, int lineStart, bool surrogates) = (_line, _lineStart, _lineHasSurrogates);
        try
        {
            return ScanString(p, p, new SourcePosition(_line, ColumnOf(p)));
        }
        catch (Model.PythonSyntaxError)
        {
            (_line, _lineStart, _lineHasSurrogates) = (line, lineStart, surrogates);
            throw ErrorAt("f-string: expecting '}'", p + 1);
        }
    }

    /// <summary>A format spec: text up to the field's '}', where '{' opens a nested field.</summary>
    private int ScanFormatSpec(int p, in StringContext context)
    {
        string s = _source;
        while (true)
        {
            if (p >= s.Length)
            {
                throw Unterminated(context);
            }
            char c = s[p];
            switch (c)
            {
                case '{':
                    p = ScanReplacementField(p + 1, context);
                    continue;
                case '}':
                    return p + 1;
                case '\\':
                    p = SkipEscape(p, context);
                    continue;
                case '\n':
                case '\r':
                    p = StringLineBreak(p, context);
                    continue;
                default:
                    if (c == context.Quote && IsClosingQuote(p, context))
                    {
                        throw ErrorAt("f-string: expecting '}'", p + 1);   // CPython points just past the quote
                    }
                    break;
            }
            p++;
        }
    }
}

using System.Buffers;

namespace ActorImport.Python.Tokenizing;

/// <summary>
/// Names and string literals. A string is one STRING token from its prefix to its closing
/// quote, whatever lines it spans (f-strings: see TokenScanner.FStrings.cs).
/// </summary>
public sealed partial class TokenScanner
{
    private static readonly SearchValues<char> SingleQuoteStops = SearchValues.Create("'\\\n\r");
    private static readonly SearchValues<char> DoubleQuoteStops = SearchValues.Create("\"\\\n\r");

    /// <summary>What a string literal's scan needs to know: its quote, prefix and where it began (for errors).</summary>
    private readonly record struct StringContext(char Quote, bool Triple, bool IsF, SourcePosition Start, int StartLineStart);

    /// <summary>A name, unless it is a string prefix touching a quote (then the whole string).</summary>
    private Token NameOrString(int p)
    {
        string s = _source;
        int end = ScanName(p);
        if (end - p <= 2 && end < s.Length && (s[end] == '\'' || s[end] == '"') && IsStringPrefix(p, end - p))
        {
            return StringToken(p, end);
        }
        _pos = end;
        return Make(TokenKind.Name, _names.Get(s.AsSpan(p, end - p)), p, end);
    }

    /// <summary>The end of the identifier at <paramref name="p"/>: XID_Start then XID_Continue characters.</summary>
    private int ScanName(int p)
    {
        string s = _source;
        int i = p;
        if (s[i] >= 0x80)
        {
            int first = IdentifierChars.CodePointAt(s, i, out int length);
            if (!IdentifierChars.IsStart(first))
            {
                throw InvalidCharacter(i);
            }
            i += length;
        }
        else
        {
            i++;
        }
        while (i < s.Length)
        {
            char c = s[i];
            if (c < 0x80)
            {
                if (!IdentifierChars.IsAsciiContinue(c))
                {
                    break;
                }
                i++;
                continue;
            }
            // A character that cannot continue the name is reported when it is scanned next.
            int codePoint = IdentifierChars.CodePointAt(s, i, out int length);
            if (!IdentifierChars.IsContinue(codePoint))
            {
                break;
            }
            i += length;
        }
        return i;
    }

    /// <summary>r, u, b, f, and br, rb, fr, rf in any case.</summary>
    private bool IsStringPrefix(int p, int length)
    {
        if (length == 0)
        {
            return true;
        }
        char a = (char)(_source[p] | 0x20);
        if (length == 1)
        {
            return a is 'r' or 'u' or 'b' or 'f';
        }
        char b = (char)(_source[p + 1] | 0x20);
        return (a == 'r' && b is 'b' or 'f') || (b == 'r' && a is 'b' or 'f');
    }

    /// <summary>The string whose prefix starts at <paramref name="start"/> and whose quote is at <paramref name="quote"/>.</summary>
    private Token StringToken(int start, int quote)
    {
        var from = new SourcePosition(_line, ColumnOf(start));
        int end = ScanString(start, quote, from);
        _pos = end;
        _lineOpen = true;
        return new Token(TokenKind.String, _names.Get(_source.AsSpan(start, end - start)), from, new SourcePosition(_line, ColumnOf(end)));
    }

    /// <summary>Scans a literal (prefix at <paramref name="start"/>, quote at <paramref name="quote"/>); returns the index past it.</summary>
    private int ScanString(int start, int quote, SourcePosition from)
    {
        string s = _source;
        bool isF = false;
        for (int i = start; i < quote; i++)
        {
            isF |= (s[i] | 0x20) == 'f';
        }
        char q = s[quote];
        bool triple = quote + 2 < s.Length && s[quote + 1] == q && s[quote + 2] == q;
        var context = new StringContext(q, triple, isF, from, _lineStart);
        int body = quote + (triple ? 3 : 1);
        return isF ? ScanFStringBody(body, context) : ScanStringBody(body, context);
    }

    /// <summary>Up to the closing quote(s); a backslash hides the character after it (raw strings too, as in tokenize).</summary>
    private int ScanStringBody(int p, in StringContext context)
    {
        string s = _source;
        SearchValues<char> stops = context.Quote == '\'' ? SingleQuoteStops : DoubleQuoteStops;
        while (true)
        {
            int i = s.AsSpan(p).IndexOfAny(stops);
            if (i < 0)
            {
                throw Unterminated(context);
            }
            p += i;
            char c = s[p];
            if (c == context.Quote)
            {
                if (IsClosingQuote(p, context))
                {
                    return p + (context.Triple ? 3 : 1);
                }
                p++;
            }
            else if (c == '\\')
            {
                p = SkipEscape(p, context);
            }
            else
            {
                p = StringLineBreak(p, context);
            }
        }
    }

    private bool IsClosingQuote(int p, in StringContext context) =>
        !context.Triple || (p + 2 < _source.Length && _source[p + 1] == context.Quote && _source[p + 2] == context.Quote);

    /// <summary>Skips a backslash and the character it hides; a hidden line break continues the string.</summary>
    private int SkipEscape(int p, in StringContext context)
    {
        string s = _source;
        if (p + 1 >= s.Length)
        {
            throw Unterminated(context);
        }
        char next = s[p + 1];
        return next is '\n' or '\r' ? NextLine(p + 1) : p + 2;
    }

    /// <summary>A line break inside a literal: only triple-quoted strings may hold one.</summary>
    private int StringLineBreak(int p, in StringContext context)
    {
        if (!context.Triple)
        {
            throw Unterminated(context);
        }
        return NextLine(p);
    }

    /// <summary>Moves past the line break at <paramref name="p"/>; returns the next line's start.</summary>
    private int NextLine(int p)
    {
        string s = _source;
        int end = s[p] == '\r' && p + 1 < s.Length && s[p + 1] == '\n' ? p + 2 : p + 1;
        StartLineAt(end);
        return end;
    }

    /// <summary>
    /// CPython's "unterminated ... (detected at line N)", reported where the literal began; N is
    /// the last line that holds any text.
    /// </summary>
    private Model.PythonSyntaxError Unterminated(in StringContext context)
    {
        int detected = _line;
        if (_lineStart == _source.Length && _lineStart > context.StartLineStart)
        {
            detected--;
        }
        string kind = context.Triple ? "unterminated triple-quoted string literal" : "unterminated string literal";
        return ErrorAt($"{kind} (detected at line {detected})", context.Start, context.StartLineStart);
    }
}

using System.Globalization;
using System.Text;

namespace ActorImport.Configuration;

/// <summary>
/// Splits HOCON text into tokens. Comments (<c>#</c>, <c>//</c>) are dropped; line ends and
/// in-line whitespace are kept as tokens because HOCON gives them meaning (a line end separates
/// fields, whitespace between unquoted words is part of the value). Quoted strings are
/// unescaped here (JSON escapes); triple-quoted strings are taken verbatim.
/// Thread-safety: an instance is used by one parse on one thread.
/// </summary>
internal sealed class HoconTokenizer
{
    // Characters that end an unquoted string (HOCON spec, "Unquoted strings").
    private const string Forbidden = "$\"{}[]:=,+#`^?!@*&\\";

    private readonly string _text;
    private readonly string _file;
    private int _index;
    private int _line = 1;
    private int _column = 1;

    public HoconTokenizer(string text, string file)
    {
        _text = text;
        _file = file;
    }

    public List<HoconToken> Tokenize()
    {
        var tokens = new List<HoconToken>();
        while (true)
        {
            var token = Next();
            tokens.Add(token);
            if (token.Kind == HoconTokenKind.EndOfFile)
            {
                return tokens;
            }
        }
    }

    private HoconPosition Here => new(_file, _line, _column);

    private char Peek(int ahead = 0) => _index + ahead < _text.Length ? _text[_index + ahead] : '\0';

    private bool AtEnd => _index >= _text.Length;

    private void Advance()
    {
        if (_text[_index] == '\n')
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }

        _index++;
    }

    private HoconToken Next()
    {
        if (AtEnd)
        {
            return new HoconToken(HoconTokenKind.EndOfFile, "", Here);
        }

        var start = Here;
        char c = Peek();
        if (IsCommentStart())
        {
            // The line end after a comment still separates fields, so only the comment text goes.
            while (!AtEnd && Peek() != '\n')
            {
                Advance();
            }

            return Next();
        }

        if (c == '\n')
        {
            Advance();
            return new HoconToken(HoconTokenKind.Newline, "\n", start);
        }

        if (IsInlineWhitespace(c))
        {
            var sb = new StringBuilder();
            while (!AtEnd && IsInlineWhitespace(Peek()))
            {
                sb.Append(Peek());
                Advance();
            }

            return new HoconToken(HoconTokenKind.Whitespace, sb.ToString(), start);
        }

        switch (c)
        {
            case '{': Advance(); return new HoconToken(HoconTokenKind.OpenBrace, "{", start);
            case '}': Advance(); return new HoconToken(HoconTokenKind.CloseBrace, "}", start);
            case '[': Advance(); return new HoconToken(HoconTokenKind.OpenBracket, "[", start);
            case ']': Advance(); return new HoconToken(HoconTokenKind.CloseBracket, "]", start);
            case ',': Advance(); return new HoconToken(HoconTokenKind.Comma, ",", start);
            case '=':
            case ':':
                Advance();
                return new HoconToken(HoconTokenKind.Equals, c.ToString(), start);
            case '+':
                if (Peek(1) != '=')
                {
                    throw new HoconException(start, "'+' must be followed by '=' (use quotes for a literal '+')");
                }

                Advance();
                Advance();
                return new HoconToken(HoconTokenKind.PlusEquals, "+=", start);
            case '"':
                return Peek(1) == '"' && Peek(2) == '"' ? TripleQuoted(start) : Quoted(start);
            case '$':
                return Substitution(start);
        }

        if (Forbidden.Contains(c))
        {
            throw new HoconException(start, $"character '{c}' is not allowed in an unquoted string; put the value in quotes");
        }

        return Unquoted(start);
    }

    private bool IsCommentStart() => Peek() == '#' || (Peek() == '/' && Peek(1) == '/');

    private static bool IsInlineWhitespace(char c) => c != '\n' && (char.IsWhiteSpace(c) || c == '\uFEFF');

    private HoconToken Unquoted(HoconPosition start)
    {
        var sb = new StringBuilder();
        while (!AtEnd)
        {
            char c = Peek();
            if (c == '\n' || IsInlineWhitespace(c) || Forbidden.Contains(c) || IsCommentStart())
            {
                break;
            }

            sb.Append(c);
            Advance();
        }

        return new HoconToken(HoconTokenKind.Unquoted, sb.ToString(), start);
    }

    private HoconToken Quoted(HoconPosition start)
    {
        Advance(); // opening quote
        var sb = new StringBuilder();
        while (true)
        {
            if (AtEnd || Peek() == '\n')
            {
                throw new HoconException(start, "unterminated quoted string (a quoted string cannot span lines; use \"\"\" for that)");
            }

            char c = Peek();
            if (c == '"')
            {
                Advance();
                return new HoconToken(HoconTokenKind.Quoted, sb.ToString(), start);
            }

            if (c != '\\')
            {
                sb.Append(c);
                Advance();
                continue;
            }

            var escapeAt = Here;
            Advance();
            if (AtEnd)
            {
                throw new HoconException(escapeAt, "unterminated escape sequence");
            }

            char e = Peek();
            Advance();
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (_index + 4 > _text.Length
                        || !int.TryParse(_text.AsSpan(_index, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                    {
                        throw new HoconException(escapeAt, "\\u must be followed by four hex digits");
                    }

                    for (int i = 0; i < 4; i++)
                    {
                        Advance();
                    }

                    sb.Append((char)code);
                    break;
                default:
                    throw new HoconException(escapeAt, $"invalid escape '\\{e}' in quoted string");
            }
        }
    }

    private HoconToken TripleQuoted(HoconPosition start)
    {
        Advance();
        Advance();
        Advance();
        var sb = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw new HoconException(start, "unterminated triple-quoted string");
            }

            // A run of three or more quotes ends the string; quotes beyond the last three belong to it.
            if (Peek() == '"' && Peek(1) == '"' && Peek(2) == '"')
            {
                while (Peek(3) == '"')
                {
                    sb.Append('"');
                    Advance();
                }

                Advance();
                Advance();
                Advance();
                return new HoconToken(HoconTokenKind.Quoted, sb.ToString(), start);
            }

            sb.Append(Peek());
            Advance();
        }
    }

    private HoconToken Substitution(HoconPosition start)
    {
        if (Peek(1) != '{')
        {
            throw new HoconException(start, "'$' must start a substitution '${...}' (use quotes for a literal '$')");
        }

        Advance();
        Advance();
        bool optional = false;
        if (Peek() == '?')
        {
            optional = true;
            Advance();
        }

        var sb = new StringBuilder();
        bool inQuotes = false;
        while (true)
        {
            if (AtEnd || Peek() == '\n')
            {
                throw new HoconException(start, "unterminated substitution: expected '}'");
            }

            char c = Peek();
            if (c == '}' && !inQuotes)
            {
                Advance();
                break;
            }

            if (c == '"')
            {
                inQuotes = !inQuotes;
            }

            sb.Append(c);
            Advance();
        }

        string path = sb.ToString().Trim();
        if (path.Length == 0)
        {
            throw new HoconException(start, "empty substitution '${}'");
        }

        return new HoconToken(HoconTokenKind.Substitution, path, start, optional);
    }
}

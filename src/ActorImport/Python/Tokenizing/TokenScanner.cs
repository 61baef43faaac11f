namespace ActorImport.Python.Tokenizing;

/// <summary>
/// Turns one decoded source text into tokens, one <see cref="MoveNext"/> at a time, exactly as
/// CPython 3.11's <c>tokenize</c> module reports them (types, text, start and end), and rejects
/// what CPython's own tokenizer rejects with CPython's messages. One pass over the string, no
/// regular expressions.
/// Not thread-safe: one instance per tokenization, used by one thread.
/// </summary>
public sealed partial class TokenScanner
{
    private const int TabSize = 8;
    private const int MaxIndentDepth = 100;   // CPython's MAXINDENT
    private const int MaxBracketDepth = 200;  // CPython's MAXLEVEL

    private readonly string _source;
    private readonly string _fileName;

    // Invariant: _pos never moves backwards; _line/_lineStart describe the physical line holding _pos.
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private bool _lineHasSurrogates;
    private readonly bool _sourceHasSurrogates;
    private readonly NameCache _names = new();

    // Indentation levels, tabs to multiples of 8 and, for CPython's TabError check, tabs as 1.
    private readonly List<int> _indents = [0];
    private readonly List<int> _altIndents = [0];
    private int _pendingDedents;
    private SourcePosition _dedentAt;

    // Open brackets, innermost last (a line break inside brackets is NL, never NEWLINE).
    private readonly List<OpenBracket> _brackets = [];

    private bool _atLineStart = true;   // the next token is the first of a physical line
    private bool _continued;            // the previous line ended with a backslash
    private bool _blankLine;            // this line holds only a comment, so its break is NL
    private bool _lineOpen;             // a token of this logical line was emitted and no NEWLINE yet
    private bool _atEnd;                // the end of the text was reached: only DEDENTs and ENDMARKER remain
    private bool _done;

    /// <param name="source">The decoded text; a leading byte order mark is skipped.</param>
    /// <param name="fileName">The file name that errors report.</param>
    public TokenScanner(string source, string fileName)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _fileName = fileName;
        _sourceHasSurrogates = source.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;
        if (source.Length > 0 && source[0] == '\uFEFF')
        {
            _pos = _lineStart = 1;
        }
        int nul = source.IndexOf('\0');
        if (nul >= 0)
        {
            StartLineAt(_pos);
            while (LineEnd(_lineStart) < nul)
            {
                StartLineAt(NextLineStart(_lineStart));
            }
            throw ErrorAt("source code string cannot contain null bytes", nul);   // CPython gives no position; we do
        }
        StartLineAt(_pos);
    }

    /// <summary>Produces the next token; <c>false</c> after ENDMARKER.</summary>
    /// <exception cref="Model.PythonSyntaxError">The text is not valid Python at the token level.</exception>
    public bool MoveNext(out Token token)
    {
        while (true)
        {
            if (_pendingDedents > 0)
            {
                _pendingDedents--;
                token = new Token(TokenKind.Dedent, "", _dedentAt, _dedentAt);
                return true;
            }
            if (_done)
            {
                token = default;
                return false;
            }
            if (_atEnd)
            {
                var end = new SourcePosition(_line, 0);
                token = new Token(TokenKind.EndMarker, "", end, end);
                _done = true;
                return true;
            }
            if (_atLineStart)
            {
                _atLineStart = false;
                if (BeginLine(out token))
                {
                    return true;
                }
                continue;
            }
            if (NextOnLine(out token))
            {
                return true;
            }
        }
    }

    /// <summary>
    /// Starts a physical line: continuation lines (after a backslash, or inside brackets) are
    /// not indentation; otherwise blank and comment-only lines are skipped for indentation, and
    /// a statement line yields INDENT or queues DEDENTs, as tokenize does.
    /// </summary>
    private bool BeginLine(out Token token)
    {
        token = default;
        if (_continued)
        {
            _continued = false;
            return false;
        }
        if (_brackets.Count > 0)
        {
            return false;
        }
        string s = _source;
        int p = _pos;
        int column = 0;
        int altColumn = 0;
        for (; p < s.Length; p++)
        {
            char c = s[p];
            if (c == ' ')
            {
                column++;
                altColumn++;
            }
            else if (c == '\t')
            {
                column = (column / TabSize + 1) * TabSize;
                altColumn++;
            }
            else if (c == '\f')
            {
                column = altColumn = 0;
            }
            else
            {
                break;
            }
        }
        _pos = p;
        if (p >= s.Length)
        {
            return false;   // trailing whitespace without a line break: the end of the text
        }
        char first = s[p];
        if (first is '#' or '\n' or '\r')
        {
            _blankLine = true;
            return false;
        }

        int current = _indents[^1];
        if (column == current)
        {
            if (altColumn != _altIndents[^1])
            {
                throw TabError();
            }
            return false;
        }
        if (column > current)
        {
            if (altColumn <= _altIndents[^1])
            {
                throw TabError();
            }
            if (_indents.Count >= MaxIndentDepth)
            {
                throw Error("too many levels of indentation", 1, "IndentationError");
            }
            _indents.Add(column);
            _altIndents.Add(altColumn);
            _lineOpen = true;
            token = new Token(TokenKind.Indent, s.Substring(_lineStart, p - _lineStart),
                new SourcePosition(_line, 0), new SourcePosition(_line, ColumnOf(p)));
            return true;
        }
        while (_indents.Count > 1 && column < _indents[^1])
        {
            _indents.RemoveAt(_indents.Count - 1);
            _altIndents.RemoveAt(_altIndents.Count - 1);
            _pendingDedents++;
        }
        if (column != _indents[^1])
        {
            throw Error("unindent does not match any outer indentation level", ColumnOf(LineEnd(_lineStart)) + 1, "IndentationError");
        }
        if (altColumn != _altIndents[^1])
        {
            throw TabError();
        }
        _dedentAt = new SourcePosition(_line, ColumnOf(p));
        return false;
    }

    /// <summary>Scans the next token of the current line, skipping spaces, tabs and form feeds.</summary>
    private bool NextOnLine(out Token token)
    {
        string s = _source;
        int p = _pos;
        while (p < s.Length && (s[p] == ' ' || s[p] == '\t' || s[p] == '\f'))
        {
            p++;
        }
        _pos = p;
        if (p >= s.Length)
        {
            return EndOfText(out token);
        }
        char c = s[p];
        switch (c)
        {
            case '\n':
            case '\r':
                token = LineBreak(p);
                return true;
            case '#':
                token = Comment(p);
                return true;
            case '\\':
                BackslashContinuation(p);
                token = default;
                return false;
            case '\'':
            case '"':
                token = StringToken(p, p);
                return true;
        }
        _lineOpen = true;
        if ((uint)(c - '0') <= 9 || (c == '.' && p + 1 < s.Length && (uint)(s[p + 1] - '0') <= 9))
        {
            token = NumberToken(p);
            return true;
        }
        if (IdentifierChars.IsAsciiStart(c) || c >= 0x80)
        {
            token = NameOrString(p);
            return true;
        }
        string? op = Operators.Match(s, p);
        if (op is null)
        {
            throw InvalidCharacter(p);
        }
        token = Make(TokenKind.Op, op, p, p + op.Length);
        _pos = p + op.Length;
        TrackBracket(op[0], p);
        return true;
    }

    /// <summary>
    /// A line break: NEWLINE when it ends a statement, NL on blank or comment lines and inside
    /// brackets. Its text is the break itself (<c>\n</c>, <c>\r\n</c> or <c>\r</c>).
    /// </summary>
    private Token LineBreak(int p)
    {
        string s = _source;
        int end = s[p] == '\r' && p + 1 < s.Length && s[p + 1] == '\n' ? p + 2 : p + 1;
        string text = end - p == 2 ? "\r\n" : s[p] == '\n' ? "\n" : "\r";
        TokenKind kind = _blankLine || _brackets.Count > 0 ? TokenKind.NL : TokenKind.Newline;
        Token token = Make(kind, text, p, end);
        if (kind == TokenKind.Newline)
        {
            _lineOpen = false;
        }
        _blankLine = false;
        _atLineStart = true;
        StartLineAt(end);
        _pos = end;
        return token;
    }

    private Token Comment(int p)
    {
        string s = _source;
        int end = s.AsSpan(p).IndexOfAny('\n', '\r');
        end = end < 0 ? s.Length : p + end;
        _pos = end;
        return Make(TokenKind.Comment, s.Substring(p, end - p), p, end);
    }

    /// <summary>A backslash must end its line; the next line continues this statement.</summary>
    private void BackslashContinuation(int p)
    {
        string s = _source;
        int next = p + 1;
        if (next >= s.Length)
        {
            throw ErrorAt("unexpected EOF while parsing", p + 1);
        }
        if (s[next] == '\n' || s[next] == '\r')
        {
            int end = s[next] == '\r' && next + 1 < s.Length && s[next + 1] == '\n' ? next + 2 : next + 1;
            if (end >= s.Length)
            {
                throw ErrorAt("unexpected EOF while parsing", p + 1);
            }
            _continued = true;
            _atLineStart = true;
            StartLineAt(end);
            _pos = end;
            return;
        }
        throw ErrorAt("unexpected character after line continuation character", p + 1);
    }

    /// <summary>
    /// The end of the text: brackets or a continuation left open are errors; otherwise a
    /// statement cut off by the end gets an empty NEWLINE (a comment line an empty NL) just past
    /// its last character, then the indentation levels close, as tokenize does.
    /// </summary>
    private bool EndOfText(out Token token)
    {
        token = default;
        if (_brackets.Count > 0)
        {
            OpenBracket open = _brackets[^1];
            throw ErrorAt($"'{open.Bracket}' was never closed", new SourcePosition(open.Line, open.Column), open.LineStart);
        }
        int p = _source.Length;
        bool emitted = false;
        if (_blankLine)
        {
            _blankLine = false;
            token = Make(TokenKind.NL, "", p, p);
            emitted = true;
        }
        else if (_lineOpen)
        {
            int column = ColumnOf(p);
            token = new Token(TokenKind.Newline, "", new SourcePosition(_line, column), new SourcePosition(_line, column + 1));
            emitted = true;
        }
        _lineOpen = false;
        if (emitted)
        {
            // The last line had no line break: the end marker sits on the line after it. (A
            // final line of only whitespace emits nothing and holds the end marker itself.)
            _line++;
        }
        _atEnd = true;
        _atLineStart = false;
        _pendingDedents = _indents.Count - 1;
        _dedentAt = new SourcePosition(_line, 0);
        return emitted;
    }

    private void TrackBracket(char c, int p)
    {
        switch (c)
        {
            case '(':
            case '[':
            case '{':
                if (_brackets.Count >= MaxBracketDepth)
                {
                    throw ErrorAt("too many nested parentheses", p);
                }
                _brackets.Add(new OpenBracket(c, _line, ColumnOf(p), _lineStart));
                break;
            case ')':
            case ']':
            case '}':
                if (_brackets.Count == 0)
                {
                    throw ErrorAt($"unmatched '{c}'", p);
                }
                OpenBracket open = _brackets[^1];
                char expected = open.Bracket switch { '(' => ')', '[' => ']', _ => '}' };
                if (c != expected)
                {
                    string where = open.Line != _line ? $" on line {open.Line}" : "";
                    throw ErrorAt($"closing parenthesis '{c}' does not match opening parenthesis '{open.Bracket}'{where}", p);
                }
                _brackets.RemoveAt(_brackets.Count - 1);
                break;
        }
    }

    private Token Make(TokenKind kind, string text, int start, int end) =>
        new(kind, text, new SourcePosition(_line, ColumnOf(start)), new SourcePosition(_line, ColumnOf(end)));

    private readonly record struct OpenBracket(char Bracket, int Line, int Column, int LineStart);
}

using System.Collections.Immutable;
using ActorImport.Model;
using ActorImport.Python.Syntax;
using ActorImport.Python.Tokenizing;

namespace ActorImport.Python.Parsing;

/// <summary>
/// A recursive-descent parser for Python's statements over the tokenizer's output. Statements
/// are parsed fully; expressions are only delimited (see <see cref="Expression"/>).
/// One instance parses one file, on one thread; the resulting tree is immutable.
/// </summary>
/// <remarks>
/// Invariant: <see cref="_tokens"/> holds only significant tokens (no comments, no
/// non-logical newlines) and ends with an <see cref="TokenKind.EndMarker"/>, so looking one
/// token ahead of anything but the end marker is always in range.
/// </remarks>
internal sealed partial class Parser
{
    private readonly Token[] _tokens;
    private readonly string _fileName;
    private readonly string? _source;
    private int _pos;

    // The future-import prologue (future.c): true until the first statement that is neither the
    // docstring nor a 'from __future__ import'.
    private bool _futureAllowed = true;
    private bool _seenStatement;

    public Parser(IReadOnlyList<Token> tokens, string fileName, string? source)
    {
        _tokens = Significant(tokens);
        _fileName = fileName;
        _source = source;
    }

    public ModuleCode ParseModule()
    {
        var body = ImmutableArray.CreateBuilder<Statement>();
        while (Current.Kind != TokenKind.EndMarker)
        {
            ParseStatement(body, BlockContext.Module);
        }
        return new ModuleCode(_fileName, _tokens, body.ToImmutable());
    }

    private Token Current => _tokens[_pos];

    private Token Peek(int ahead = 1) => _tokens[Math.Min(_pos + ahead, _tokens.Length - 1)];

    private bool IsOp(string text) => IsOp(_pos, text);

    private bool IsOp(int index, string text) => _tokens[index].Kind == TokenKind.Op && _tokens[index].Text == text;

    private bool IsName(string text) => IsName(_pos, text);

    private bool IsName(int index, string text) => _tokens[index].Kind == TokenKind.Name && _tokens[index].Text == text;

    /// <summary>Consumes the operator <paramref name="text"/> or fails with <paramref name="message"/>.</summary>
    private void ExpectOp(string text, string message = "invalid syntax")
    {
        if (!IsOp(text))
        {
            throw Error(message, Current);
        }
        _pos++;
    }

    /// <summary>Consumes a name that is not a keyword and returns it.</summary>
    private string ExpectIdentifier()
    {
        Token token = Current;
        if (token.Kind != TokenKind.Name || Keywords.IsKeyword(token.Text))
        {
            throw Error("invalid syntax", token);
        }
        _pos++;
        return token.Text;
    }

    /// <summary>The end of a simple statement: a newline (consumed) or a <c>;</c> (left for the caller).</summary>
    private bool AtStatementEnd => Current.Kind is TokenKind.Newline or TokenKind.EndMarker || IsOp(";");

    private PythonSyntaxError Error(string message, Token at, string typeName = "SyntaxError")
    {
        // At the end of the file CPython points at the last line that has text.
        if (at.Kind == TokenKind.EndMarker)
        {
            int last = _tokens.Length - 1;
            while (last > 0 && _tokens[last].Kind is TokenKind.EndMarker or TokenKind.Dedent)
            {
                last--;
            }
            at = _tokens[last];
        }
        return new(message, _fileName, at.Start.Line, at.Start.Column + 1, SourceLine(at.Start.Line), typeName);
    }

    private PythonSyntaxError IndentationError(string message, Token at) => Error(message, at, "IndentationError");

    /// <summary>The text of 1-based line <paramref name="line"/> with its newline, as <c>SyntaxError.text</c> holds it.</summary>
    private string? SourceLine(int line)
    {
        if (_source is null || line < 1)
        {
            return null;
        }
        int start = 0;
        for (int current = 1; current < line; current++)
        {
            int newline = _source.IndexOf('\n', start);
            if (newline < 0)
            {
                return null;
            }
            start = newline + 1;
        }
        int end = _source.IndexOf('\n', start);
        return end < 0 ? _source[start..] : _source[start..(end + 1)];
    }

    private static Token[] Significant(IReadOnlyList<Token> tokens)
    {
        var kept = new List<Token>(tokens.Count);
        foreach (Token token in tokens)
        {
            if (token.Kind is not (TokenKind.Comment or TokenKind.NL))
            {
                kept.Add(token);
            }
        }
        if (kept.Count == 0 || kept[^1].Kind != TokenKind.EndMarker)
        {
            SourcePosition end = kept.Count == 0 ? new SourcePosition(1, 0) : kept[^1].End;
            kept.Add(new Token(TokenKind.EndMarker, "", end, end));
        }
        return kept.ToArray();
    }
}

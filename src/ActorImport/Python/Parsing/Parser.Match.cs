using System.Collections.Immutable;
using ActorImport.Python.Syntax;
using ActorImport.Python.Tokenizing;

namespace ActorImport.Python.Parsing;

// The match statement. 'match' and 'case' are soft keywords: names everywhere else.
internal sealed partial class Parser
{
    /// <summary>
    /// Whether the <c>match</c> name at the current token starts a match statement: only if a
    /// subject follows, then <c>:</c>, a newline, an indent and <c>case</c>. Anything else
    /// (<c>match = 1</c>, <c>match(x)</c>, <c>match.group()</c>) is an ordinary statement.
    /// </summary>
    private bool IsMatchStatement()
    {
        int subject = _pos + 1;
        int colon = ScanEnd(subject, Stops.Colon);
        return colon > subject && IsOp(colon, ":")
            && _tokens[colon + 1].Kind == TokenKind.Newline
            && _tokens[colon + 2].Kind == TokenKind.Indent
            && IsName(colon + 3, "case");
    }

    private MatchStatement ParseMatch(BlockContext context)
    {
        Token start = Current;
        _pos++;
        Expression subject = ParseExpression(Stops.Colon);
        ExpectOp(":", "expected ':'");
        _pos += 2; // NEWLINE INDENT, checked by IsMatchStatement
        var cases = ImmutableArray.CreateBuilder<MatchCase>();
        while (IsName("case"))
        {
            cases.Add(ParseCase(context));
        }
        if (Current.Kind == TokenKind.Dedent)
        {
            _pos++;
        }
        else if (Current.Kind != TokenKind.EndMarker)
        {
            throw Error("invalid syntax", Current);
        }
        return new MatchStatement(start.Start, subject, cases.ToImmutable());
    }

    /// <summary><c>case pattern [if guard]: block</c>.</summary>
    private MatchCase ParseCase(BlockContext context)
    {
        Token start = Current;
        _pos++;
        int patternStart = _pos;
        Expression pattern = ParseExpression(Stops.If | Stops.Colon);
        ImmutableArray<string> captures = CaptureNames(patternStart, _pos);
        Expression? guard = null;
        if (IsName("if"))
        {
            _pos++;
            guard = ParseExpression(Stops.Colon);
        }
        ImmutableArray<Statement> body = ParseBlock(context, "'case' statement", start.Start.Line);
        return new MatchCase(start.Start, pattern, guard, captures, body);
    }

    /// <summary>
    /// The names a pattern binds: every name that is not <c>_</c>, not part of a dotted value
    /// pattern (<c>Color.RED</c>), not a class being matched (<c>Point(…)</c>) and not a
    /// keyword of a class pattern (<c>x=</c>). That covers captures, <c>as</c> names, <c>*rest</c>
    /// and <c>**rest</c>.
    /// </summary>
    private ImmutableArray<string> CaptureNames(int start, int end)
    {
        var names = ImmutableArray.CreateBuilder<string>();
        for (int i = start; i < end; i++)
        {
            Token token = _tokens[i];
            if (token.Kind != TokenKind.Name || Keywords.IsKeyword(token.Text) || token.Text == "_")
            {
                continue;
            }
            if (i > start && IsOp(i - 1, "."))
            {
                continue;
            }
            if (i + 1 < end && (IsOp(i + 1, ".") || IsOp(i + 1, "(") || IsOp(i + 1, "=")))
            {
                continue;
            }
            if (!names.Contains(token.Text))
            {
                names.Add(token.Text);
            }
        }
        return names.ToImmutable();
    }
}

using System.Collections.Immutable;
using ActorImport.Python.Syntax;
using ActorImport.Python.Tokenizing;

namespace ActorImport.Python.Parsing;

// if / while / for / try / with, and the 'async' prefix.
internal sealed partial class Parser
{
    /// <summary><c>if</c> or <c>elif</c> (<paramref name="keyword"/>): an <c>elif</c> chain nests in <c>orelse</c>, as in <c>ast</c>.</summary>
    private IfStatement ParseIf(BlockContext context, string keyword)
    {
        Token start = Current;
        _pos++;
        Expression test = ParseExpression(Stops.Colon);
        ImmutableArray<Statement> body = ParseBlock(context, $"'{keyword}' statement", start.Start.Line);
        ImmutableArray<Statement> orElse = [];
        if (IsName("elif"))
        {
            orElse = [ParseIf(context, "elif")];
        }
        else if (IsName("else"))
        {
            orElse = ParseElse(context);
        }
        return new IfStatement(start.Start, test, body, orElse);
    }

    /// <summary><c>else: block</c>, at the current token.</summary>
    private ImmutableArray<Statement> ParseElse(BlockContext context)
    {
        int line = Current.Start.Line;
        _pos++;
        return ParseBlock(context, "'else' statement", line);
    }

    private WhileStatement ParseWhile(BlockContext context)
    {
        Token start = Current;
        _pos++;
        Expression test = ParseExpression(Stops.Colon);
        ImmutableArray<Statement> body = ParseBlock(context.EnterLoop(), "'while' statement", start.Start.Line);
        ImmutableArray<Statement> orElse = IsName("else") ? ParseElse(context) : [];
        return new WhileStatement(start.Start, test, body, orElse);
    }

    /// <summary><c>for target in iterable:</c>; <paramref name="start"/> is the <c>async</c> token when there is one.</summary>
    private ForStatement ParseFor(BlockContext context, Token start, bool isAsync)
    {
        int forLine = Current.Start.Line;
        _pos++;
        int targetStart = _pos;
        int targetEnd = ScanEnd(targetStart, Stops.In);
        if (targetEnd == targetStart || !IsName(targetEnd, "in"))
        {
            throw Error("invalid syntax", _tokens[targetEnd]);
        }
        Target target = MakeTarget(targetStart, targetEnd);
        _pos = targetEnd + 1;
        Expression iterable = ParseExpression(Stops.Colon);
        ImmutableArray<Statement> body = ParseBlock(context.EnterLoop(), "'for' statement", forLine);
        ImmutableArray<Statement> orElse = IsName("else") ? ParseElse(context) : [];
        return new ForStatement(start.Start, target, iterable, body, orElse, isAsync);
    }

    /// <summary>
    /// <c>try</c> with handlers, <c>else</c> and <c>finally</c>. Every part of it is "inside a
    /// try block" for PEP 810, as in CPython's symbol table (which marks the whole statement).
    /// </summary>
    private TryStatement ParseTry(BlockContext context)
    {
        Token start = Current;
        _pos++;
        BlockContext inside = context.EnterTry();
        ImmutableArray<Statement> body = ParseBlock(inside, "'try' statement", start.Start.Line);
        var handlers = ImmutableArray.CreateBuilder<ExceptHandler>();
        bool? isStar = null;
        while (IsName("except"))
        {
            Token keyword = Current;
            _pos++;
            bool star = IsOp("*");
            if (star)
            {
                _pos++;
            }
            if (isStar is not null && isStar != star)
            {
                throw Error("cannot have both 'except' and 'except*' on the same 'try'", keyword);
            }
            isStar = star;
            Expression? type = null;
            string? name = null;
            if (!IsOp(":"))
            {
                int typeStart = _pos;
                type = ParseExpression(Stops.As | Stops.Colon);
                if (TopLevelCommas(typeStart, _pos).Count > 0)
                {
                    throw Error("multiple exception types must be parenthesized", _tokens[typeStart]);
                }
                if (IsName("as"))
                {
                    _pos++;
                    name = ExpectIdentifier();
                }
            }
            else if (star)
            {
                throw Error("expected one or more exception types", Current);
            }
            string owner = star ? "'except*' statement" : "'except' statement";
            handlers.Add(new ExceptHandler(keyword.Start, type, name, ParseBlock(inside, owner, keyword.Start.Line)));
        }
        ImmutableArray<Statement> orElse = [];
        if (IsName("else"))
        {
            if (handlers.Count == 0)
            {
                throw Error("expected 'except' or 'finally' block", Current);
            }
            orElse = ParseElse(inside);
        }
        ImmutableArray<Statement> finalBody = [];
        if (IsName("finally"))
        {
            int line = Current.Start.Line;
            _pos++;
            finalBody = ParseBlock(inside, "'finally' statement", line);
        }
        else if (handlers.Count == 0)
        {
            throw Error("expected 'except' or 'finally' block", Current);
        }
        return new TryStatement(start.Start, body, handlers.ToImmutable(), orElse, finalBody, isStar ?? false);
    }

    /// <summary>
    /// <c>with a as b, c:</c> or the parenthesised <c>with (a as b, c,):</c>. As in CPython's
    /// grammar, a parenthesised list followed directly by <c>:</c> is a list of items, so
    /// <c>with (a, b):</c> enters two context managers.
    /// </summary>
    private WithStatement ParseWith(BlockContext context, Token start, bool isAsync)
    {
        int withLine = Current.Start.Line;
        _pos++;
        var items = ImmutableArray.CreateBuilder<WithItem>();
        if (IsOp("(") && IsOp(MatchingClose(_pos) + 1, ":"))
        {
            int close = MatchingClose(_pos);
            _pos++;
            while (_pos < close)
            {
                items.Add(ParseWithItem(close));
                if (_pos < close)
                {
                    ExpectOp(",");
                }
            }
            if (items.Count == 0)
            {
                throw Error("invalid syntax", _tokens[close]);
            }
            _pos = close + 1;
        }
        else
        {
            items.Add(ParseWithItem(int.MaxValue));
            while (IsOp(","))
            {
                _pos++;
                items.Add(ParseWithItem(int.MaxValue));
            }
        }
        ImmutableArray<Statement> body = ParseBlock(context, "'with' statement", withLine);
        return new WithStatement(start.Start, items.ToImmutable(), body, isAsync);
    }

    /// <summary><c>expression [as target]</c>, ending before <paramref name="limit"/>.</summary>
    private WithItem ParseWithItem(int limit)
    {
        int start = _pos;
        int end = ScanEnd(start, Stops.As | Stops.Comma | Stops.Colon, limit);
        if (end == start)
        {
            throw Error("invalid syntax", _tokens[start]);
        }
        Expression context = MakeExpression(start, end);
        _pos = end;
        Target? target = null;
        if (IsName("as"))
        {
            int targetStart = ++_pos;
            int targetEnd = ScanEnd(targetStart, Stops.Comma | Stops.Colon, limit);
            if (targetEnd == targetStart)
            {
                throw Error("invalid syntax", _tokens[targetStart]);
            }
            target = MakeTarget(targetStart, targetEnd);
            _pos = targetEnd;
        }
        return new WithItem(context, target);
    }

    /// <summary><c>async def</c>, <c>async for</c>, <c>async with</c>.</summary>
    private Statement ParseAsync(BlockContext context)
    {
        Token asyncToken = Current;
        _pos++;
        return Current.Text switch
        {
            "def" when Current.Kind == TokenKind.Name => ParseFunction(context, asyncToken, [], isAsync: true),
            "for" when Current.Kind == TokenKind.Name => ParseFor(context, asyncToken, isAsync: true),
            "with" when Current.Kind == TokenKind.Name => ParseWith(context, asyncToken, isAsync: true),
            _ => throw Error("invalid syntax", Current),
        };
    }
}

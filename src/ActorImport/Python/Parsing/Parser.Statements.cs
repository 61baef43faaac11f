using System.Collections.Immutable;
using ActorImport.Python.Syntax;
using ActorImport.Python.Tokenizing;

namespace ActorImport.Python.Parsing;

// Statement dispatch, blocks and the simple statements (imports: Parser.Imports.cs).
internal sealed partial class Parser
{
    /// <summary>Parses one statement line (a compound statement, or simple statements joined by <c>;</c>) into <paramref name="body"/>.</summary>
    private void ParseStatement(ImmutableArray<Statement>.Builder body, BlockContext context)
    {
        Token token = Current;
        switch (token.Kind)
        {
            case TokenKind.Indent:
                throw IndentationError("unexpected indent", token);
            case TokenKind.Dedent:
                throw IndentationError("unindent does not match any outer indentation level", token);
            case TokenKind.Newline:
                throw Error("invalid syntax", token);
            case TokenKind.Op when token.Text == "@":
                _futureAllowed = false;
                body.Add(ParseDecorated(context));
                return;
            case TokenKind.Name:
                // A compound statement ends the future-import prologue before its body is parsed.
                bool futureAllowed = _futureAllowed;
                _futureAllowed = false;
                Statement? compound = token.Text switch
                {
                    "if" => ParseIf(context, "if"),
                    "while" => ParseWhile(context),
                    "for" => ParseFor(context, token, isAsync: false),
                    "try" => ParseTry(context),
                    "with" => ParseWith(context, token, isAsync: false),
                    "def" => ParseFunction(context, token, [], isAsync: false),
                    "class" => ParseClass(context, [], token),
                    "async" => ParseAsync(context),
                    "match" when IsMatchStatement() => ParseMatch(context),
                    _ => null,
                };
                if (compound is not null)
                {
                    body.Add(compound);
                    return;
                }
                _futureAllowed = futureAllowed;
                break;
        }
        ParseSimpleStatements(body, context);
    }

    /// <summary><c>simple (';' simple)* [';'] NEWLINE</c>.</summary>
    private void ParseSimpleStatements(ImmutableArray<Statement>.Builder body, BlockContext context)
    {
        while (true)
        {
            Statement statement = ParseSimpleStatement(context);
            NoteStatementForFuture(statement);
            body.Add(statement);
            if (IsOp(";"))
            {
                _pos++;
                if (Current.Kind is TokenKind.Newline or TokenKind.EndMarker)
                {
                    break;
                }
                continue;
            }
            break;
        }
        if (Current.Kind == TokenKind.Newline)
        {
            _pos++;
        }
        else if (Current.Kind != TokenKind.EndMarker)
        {
            throw Error("invalid syntax", Current);
        }
    }

    /// <summary>
    /// A block after a compound statement's header: consumes the <c>:</c>, then either an
    /// indented suite or simple statements on the same line. <paramref name="owner"/> names the
    /// header the way CPython's "expected an indented block after …" message does.
    /// </summary>
    private ImmutableArray<Statement> ParseBlock(BlockContext context, string owner, int headerLine)
    {
        ExpectOp(":", "expected ':'");
        var body = ImmutableArray.CreateBuilder<Statement>();
        if (Current.Kind != TokenKind.Newline)
        {
            ParseSimpleStatements(body, context);
            return body.ToImmutable();
        }
        _pos++;
        if (Current.Kind != TokenKind.Indent)
        {
            throw IndentationError($"expected an indented block after {owner} on line {headerLine}", Current);
        }
        _pos++;
        while (Current.Kind is not (TokenKind.Dedent or TokenKind.EndMarker))
        {
            ParseStatement(body, context);
        }
        if (Current.Kind == TokenKind.Dedent)
        {
            _pos++;
        }
        return body.ToImmutable();
    }

    private Statement ParseSimpleStatement(BlockContext context)
    {
        Token token = Current;
        if (token.Kind == TokenKind.Name)
        {
            switch (token.Text)
            {
                case "pass":
                    _pos++;
                    return new PassStatement(token.Start);
                // The compiler's checks (compile.c), cheap to make here, so that a module
                // CPython cannot compile does not run either.
                case "break":
                    _pos++;
                    return context.InLoop ? new BreakStatement(token.Start) : throw Error("'break' outside loop", token);
                case "continue":
                    _pos++;
                    return context.InLoop ? new ContinueStatement(token.Start) : throw Error("'continue' not properly in loop", token);
                case "return":
                    _pos++;
                    return context.Scope == ScopeKind.Function
                        ? new ReturnStatement(token.Start, ParseOptionalExpression(Stops.None))
                        : throw Error("'return' outside function", token);
                case "raise":
                    return ParseRaise(token);
                case "global":
                    return ParseGlobal(token);
                case "nonlocal":
                    return context.Scope != ScopeKind.Module
                        ? ParseGlobal(token)
                        : throw Error("nonlocal declaration not allowed at module level", token);
                case "del":
                    return ParseDelete(token);
                case "assert":
                    return ParseAssert(token);
                case "import":
                    return ParseImport(context, token, isLazy: false);
                case "from":
                    return ParseFromImport(context, token, isLazy: false);
                case "lazy" when IsName(_pos + 1, "import") || IsName(_pos + 1, "from"):
                    _pos++;
                    return Current.Text == "import"
                        ? ParseImport(context, token, isLazy: true)
                        : ParseFromImport(context, token, isLazy: true);
                case "type" when IsTypeAlias():
                    return ParseTypeAlias(token);
            }
        }
        return ParseExpressionOrAssignment(token);
    }

    /// <summary>An expression statement, or an assignment of one of the three kinds.</summary>
    private Statement ParseExpressionOrAssignment(Token first)
    {
        int start = _pos;
        int end = ScanEnd(start, Stops.Equals | Stops.AugmentedAssign | Stops.Colon);
        if (end == start)
        {
            throw Error("invalid syntax", _tokens[start]);
        }
        Token delimiter = _tokens[end];
        if (delimiter.Kind != TokenKind.Op || delimiter.Text is ";")
        {
            _pos = end;
            return new ExpressionStatement(first.Start, MakeExpression(start, end));
        }
        if (delimiter.Text == ":")
        {
            Target target = MakeTarget(start, end);
            bool simple = target is NameTarget && end - start == 1;
            _pos = end + 1;
            Expression annotation = ParseExpression(Stops.Equals);
            Expression? value = null;
            if (IsOp("="))
            {
                _pos++;
                value = ParseExpression(Stops.None);
            }
            return new AnnotatedAssignStatement(first.Start, target, annotation, value, simple);
        }
        if (delimiter.Text != "=")
        {
            Target target = MakeTarget(start, end);
            if (target is SequenceTarget or StarredTarget)
            {
                throw Error("'tuple' is an illegal expression for augmented assignment", first);
            }
            _pos = end + 1;
            return new AugmentedAssignStatement(first.Start, target, delimiter.Text, ParseExpression(Stops.None));
        }
        // t1 = t2 = ... = value: every '=' at depth 0 separates one more target.
        var targets = ImmutableArray.CreateBuilder<Target>();
        targets.Add(MakeTarget(start, end));
        _pos = end + 1;
        while (true)
        {
            int valueStart = _pos;
            int valueEnd = ScanEnd(valueStart, Stops.Equals);
            if (valueEnd == valueStart)
            {
                throw Error("invalid syntax", _tokens[valueStart]);
            }
            _pos = valueEnd;
            if (!IsOp("="))
            {
                return new AssignStatement(first.Start, targets.ToImmutable(), MakeExpression(valueStart, valueEnd));
            }
            targets.Add(MakeTarget(valueStart, valueEnd));
            _pos++;
        }
    }

    private RaiseStatement ParseRaise(Token keyword)
    {
        _pos++;
        Expression? exception = ParseOptionalExpression(Stops.From);
        Expression? cause = null;
        if (exception is not null && IsName("from"))
        {
            _pos++;
            cause = ParseExpression(Stops.None);
        }
        return new RaiseStatement(keyword.Start, exception, cause);
    }

    private Statement ParseGlobal(Token keyword)
    {
        _pos++;
        var names = ImmutableArray.CreateBuilder<string>();
        names.Add(ExpectIdentifier());
        while (IsOp(","))
        {
            _pos++;
            names.Add(ExpectIdentifier());
        }
        return keyword.Text == "global"
            ? new GlobalStatement(keyword.Start, names.ToImmutable())
            : new NonlocalStatement(keyword.Start, names.ToImmutable());
    }

    private DeleteStatement ParseDelete(Token keyword)
    {
        _pos++;
        int start = _pos;
        int end = ScanEnd(start, Stops.None);
        if (end == start)
        {
            throw Error("invalid syntax", Current);
        }
        _pos = end;
        // 'del a, b' deletes each element; a parenthesised tuple is taken apart the same way.
        Target target = MakeTarget(start, end);
        ImmutableArray<Target> targets = target is SequenceTarget { IsList: false } sequence && TopLevelCommas(start, end).Count > 0 ? sequence.Elements : [target];
        return new DeleteStatement(keyword.Start, targets);
    }

    private AssertStatement ParseAssert(Token keyword)
    {
        _pos++;
        Expression test = ParseExpression(Stops.Comma);
        Expression? message = null;
        if (IsOp(","))
        {
            _pos++;
            message = ParseExpression(Stops.None);
        }
        return new AssertStatement(keyword.Start, test, message);
    }

    /// <summary><c>type</c> is a soft keyword: a type alias only when a name and then <c>=</c> or <c>[</c> follow.</summary>
    private bool IsTypeAlias() =>
        Peek().Kind == TokenKind.Name && !Keywords.IsKeyword(Peek().Text) && (IsOp(_pos + 2, "=") || IsOp(_pos + 2, "["));

    private TypeAliasStatement ParseTypeAlias(Token keyword)
    {
        _pos++;
        string name = ExpectIdentifier();
        Expression? parameters = IsOp("[") ? ParseBracketed("[", "]") : null;
        ExpectOp("=");
        return new TypeAliasStatement(keyword.Start, name, parameters, ParseExpression(Stops.None));
    }

    /// <summary>
    /// Consumes <c>open … close</c> starting at the current token and returns the expression
    /// between them (<c>null</c> when empty).
    /// </summary>
    private Expression? ParseBracketed(string open, string close)
    {
        ExpectOp(open);
        int start = _pos;
        int end = ScanEnd(start, Stops.None);
        if (!IsOp(end, close))
        {
            throw Error(_tokens[end].Kind == TokenKind.Op ? "invalid syntax" : $"'{open}' was never closed", _tokens[start - 1]);
        }
        _pos = end + 1;
        return end == start ? null : MakeExpression(start, end);
    }
}

using System.Collections.Immutable;
using ActorImport.Python.Syntax;
using ActorImport.Python.Tokenizing;

namespace ActorImport.Python.Parsing;

// def and class, with their decorators, parameters and class arguments.
internal sealed partial class Parser
{
    /// <summary><c>@decorator NEWLINE</c>… followed by <c>def</c>, <c>async def</c> or <c>class</c>.</summary>
    private Statement ParseDecorated(BlockContext context)
    {
        var decorators = ImmutableArray.CreateBuilder<Expression>();
        while (IsOp("@"))
        {
            _pos++;
            decorators.Add(ParseExpression(Stops.None));
            if (Current.Kind != TokenKind.Newline)
            {
                throw Error("invalid syntax", Current);
            }
            _pos++;
        }
        Token keyword = Current;
        if (IsName("def"))
        {
            return ParseFunction(context, keyword, decorators.ToImmutable(), isAsync: false);
        }
        if (IsName("async") && IsName(_pos + 1, "def"))
        {
            _pos++;
            return ParseFunction(context, keyword, decorators.ToImmutable(), isAsync: true);
        }
        if (IsName("class"))
        {
            return ParseClass(context, decorators.ToImmutable(), keyword);
        }
        throw Error("invalid syntax", keyword);
    }

    /// <summary><c>def name[T](params) -> returns: body</c>, at the <c>def</c> token; <paramref name="start"/> is <c>def</c> or <c>async</c>.</summary>
    private FunctionDefinition ParseFunction(BlockContext context, Token start, ImmutableArray<Expression> decorators, bool isAsync)
    {
        int line = Current.Start.Line;
        _pos++;
        string name = ExpectIdentifier();
        Expression? typeParameters = IsOp("[") ? ParseBracketed("[", "]") : null;
        if (!IsOp("("))
        {
            throw Error("expected '('", Current);
        }
        int close = MatchingClose(_pos);
        ImmutableArray<Parameter> parameters = ParseParameters(_pos + 1, close);
        _pos = close + 1;
        Expression? returns = null;
        if (IsOp("->"))
        {
            _pos++;
            returns = ParseExpression(Stops.Colon);
        }
        ImmutableArray<Statement> body = ParseBlock(context.EnterFunction(), "function definition", line);
        return new FunctionDefinition(start.Start, name, decorators, typeParameters, parameters, returns, body, isAsync);
    }

    /// <summary>
    /// The parameters in tokens [start, end): <c>a, b=1, /, c: int, *args, d, **kwargs</c>.
    /// A <c>/</c> makes every parameter before it positional-only; a bare <c>*</c> or
    /// <c>*args</c> makes the ones after it keyword-only.
    /// </summary>
    private ImmutableArray<Parameter> ParseParameters(int start, int end)
    {
        var parameters = ImmutableArray.CreateBuilder<Parameter>();
        bool keywordOnly = false;
        int i = start;
        while (i < end)
        {
            Token token = _tokens[i];
            if (token is { Kind: TokenKind.Op, Text: "/" })
            {
                for (int p = 0; p < parameters.Count; p++)
                {
                    parameters[p] = parameters[p] with { Kind = ParameterKind.PositionalOnly };
                }
                i++;
            }
            else if (token is { Kind: TokenKind.Op, Text: "*" } && _tokens[i + 1] is { Kind: TokenKind.Op, Text: "," or ")" })
            {
                keywordOnly = true;
                i++;
            }
            else
            {
                ParameterKind kind = keywordOnly ? ParameterKind.KeywordOnly : ParameterKind.PositionalOrKeyword;
                if (token is { Kind: TokenKind.Op, Text: "*" or "**" })
                {
                    kind = token.Text == "*" ? ParameterKind.VarPositional : ParameterKind.VarKeyword;
                    keywordOnly = true;
                    i++;
                }
                i = ParseParameter(i, end, kind, parameters);
            }
            if (i < end)
            {
                if (!IsOp(i, ","))
                {
                    throw Error("invalid syntax", _tokens[i]);
                }
                i++;
            }
        }
        return parameters.ToImmutable();
    }

    /// <summary><c>name [: annotation] [= default]</c> at <paramref name="i"/>; returns the index after it.</summary>
    private int ParseParameter(int i, int end, ParameterKind kind, ImmutableArray<Parameter>.Builder parameters)
    {
        Token nameToken = _tokens[i];
        if (nameToken.Kind != TokenKind.Name || Keywords.IsKeyword(nameToken.Text))
        {
            throw Error("invalid syntax", nameToken);
        }
        i++;
        Expression? annotation = null;
        Expression? defaultValue = null;
        if (i < end && IsOp(i, ":"))
        {
            int stop = ScanEnd(i + 1, Stops.Equals | Stops.Comma, end);
            annotation = stop > i + 1 ? MakeExpression(i + 1, stop) : throw Error("invalid syntax", _tokens[i + 1]);
            i = stop;
        }
        if (i < end && IsOp(i, "="))
        {
            int stop = ScanEnd(i + 1, Stops.Comma, end);
            defaultValue = stop > i + 1 ? MakeExpression(i + 1, stop) : throw Error("expected default value expression", _tokens[i]);
            i = stop;
        }
        parameters.Add(new Parameter(nameToken.Start, nameToken.Text, kind, annotation, defaultValue));
        return i;
    }

    /// <summary><c>class name[T](arguments): body</c>, at the <c>class</c> token.</summary>
    private ClassDefinition ParseClass(BlockContext context, ImmutableArray<Expression> decorators, Token start)
    {
        int line = Current.Start.Line;
        _pos++;
        string name = ExpectIdentifier();
        Expression? typeParameters = IsOp("[") ? ParseBracketed("[", "]") : null;
        var arguments = ImmutableArray.CreateBuilder<ClassArgument>();
        if (IsOp("("))
        {
            int close = MatchingClose(_pos);
            int i = _pos + 1;
            while (i < close)
            {
                string? keyword = null;
                if (_tokens[i].Kind == TokenKind.Name && IsOp(i + 1, "="))
                {
                    keyword = _tokens[i].Text;
                    i += 2;
                }
                int stop = ScanEnd(i, Stops.Comma, close);
                if (stop == i)
                {
                    throw Error("invalid syntax", _tokens[i]);
                }
                arguments.Add(new ClassArgument(keyword, MakeExpression(i, stop)));
                i = stop < close ? stop + 1 : stop;
            }
            _pos = close + 1;
        }
        ImmutableArray<Statement> body = ParseBlock(context.EnterClass(), "class definition", line);
        return new ClassDefinition(start.Start, name, decorators, typeParameters, arguments.ToImmutable(), body);
    }
}

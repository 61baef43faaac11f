using System.Collections.Immutable;
using ActorImport.Python.Syntax;
using ActorImport.Python.Tokenizing;

namespace ActorImport.Python.Parsing;

// Delimiting expressions and finding the names they read. Expressions are not parsed: the
// scanner only tracks bracket depth (and lambda parameter lists, whose ':' ',' '=' are not
// delimiters), and rejects the commonest malformation, two operands in a row.
internal sealed partial class Parser
{
    /// <summary>Index of the first token at or after <paramref name="from"/> (and before <paramref name="limit"/>) that ends an expression.</summary>
    private int ScanEnd(int from, Stops stops, int limit = int.MaxValue)
    {
        int depth = 0;
        int pendingLambdas = 0;
        int i = from;
        for (; i < limit; i++)
        {
            Token token = _tokens[i];
            if (token.Kind == TokenKind.Op)
            {
                switch (token.Text)
                {
                    case "(" or "[" or "{":
                        depth++;
                        continue;
                    case ")" or "]" or "}":
                        if (depth == 0)
                        {
                            return i;
                        }
                        depth--;
                        continue;
                }
                if (depth > 0)
                {
                    continue;
                }
                switch (token.Text)
                {
                    case ";":
                        return i;
                    case ":" when pendingLambdas > 0:
                        pendingLambdas--;
                        continue;
                    case ":" when (stops & Stops.Colon) != 0:
                    case "=" when pendingLambdas == 0 && (stops & Stops.Equals) != 0:
                    case "," when pendingLambdas == 0 && (stops & Stops.Comma) != 0:
                    case "->" when (stops & Stops.Arrow) != 0:
                        return i;
                }
                if ((stops & Stops.AugmentedAssign) != 0 && Keywords.IsAugmentedAssign(token.Text))
                {
                    return i;
                }
            }
            else if (token.Kind == TokenKind.Name)
            {
                if (depth > 0)
                {
                    continue;
                }
                switch (token.Text)
                {
                    case "lambda":
                        pendingLambdas++;
                        continue;
                    case "as" when (stops & Stops.As) != 0:
                    case "in" when (stops & Stops.In) != 0:
                    case "from" when (stops & Stops.From) != 0:
                    case "if" when (stops & Stops.If) != 0:
                        return i;
                }
            }
            else if (token.Kind is TokenKind.Newline or TokenKind.EndMarker or TokenKind.Indent or TokenKind.Dedent)
            {
                return i;
            }
        }
        return i;
    }

    /// <summary>Scans an expression from the current token, consumes it and returns it; fails if it is empty.</summary>
    private Expression ParseExpression(Stops stops)
    {
        int start = _pos;
        int end = ScanEnd(start, stops);
        if (end == start)
        {
            throw Error("invalid syntax", _tokens[start]);
        }
        _pos = end;
        return MakeExpression(start, end);
    }

    /// <summary>Like <see cref="ParseExpression"/>, but an empty span gives <c>null</c>.</summary>
    private Expression? ParseOptionalExpression(Stops stops)
    {
        int start = _pos;
        int end = ScanEnd(start, stops);
        _pos = end;
        return end == start ? null : MakeExpression(start, end);
    }

    /// <summary>
    /// Builds the expression for tokens [start, end): checks that no two operands stand side by
    /// side (and, unless it is a subscript's slice, that it neither starts nor ends with a
    /// stray operator), and collects the names it reads and the names its <c>:=</c> bind.
    /// </summary>
    private Expression MakeExpression(int start, int end, bool isSlice = false)
    {
        List<string>? names = null;
        List<string>? assigned = null;
        // Open brackets, innermost last, and the lambdas whose parameters are in scope.
        Span<char> brackets = stackalloc char[64];
        int depth = 0;
        List<LambdaScope>? lambdas = null;
        bool previousEndsOperand = false;
        for (int i = start; i < end; i++)
        {
            Token token = _tokens[i];
            bool startsOperand;
            bool endsOperand;
            if (token.Kind == TokenKind.Op)
            {
                string op = token.Text;
                startsOperand = false;
                endsOperand = op is ")" or "]" or "}" or "...";
                switch (op)
                {
                    case "(" or "[" or "{":
                        if (depth < brackets.Length)
                        {
                            brackets[depth] = op[0];
                        }
                        depth++;
                        break;
                    case ")" or "]" or "}":
                        depth--;
                        CloseLambdas(lambdas, depth + 1);
                        break;
                    case ":":
                        EnterLambdaBodyOrClose(lambdas, depth);
                        break;
                    case ",":
                        CloseLambdas(lambdas, depth, atDepth: true);
                        break;
                }
            }
            else if (token.Kind == TokenKind.Name)
            {
                string name = token.Text;
                if (Keywords.IsKeyword(name))
                {
                    endsOperand = Keywords.IsConstant(name);
                    startsOperand = endsOperand || name is "lambda" or "await" || (name == "not" && !(i + 1 < end && IsName(i + 1, "in")));
                    if (name == "lambda")
                    {
                        (lambdas ??= []).Add(new LambdaScope(depth));
                    }
                    else if (name == "for")
                    {
                        CloseLambdas(lambdas, depth, atDepth: true);
                    }
                }
                else
                {
                    startsOperand = endsOperand = true;
                    RecordName(i, start, end, depth, depth > 0 && depth <= brackets.Length ? brackets[depth - 1] : '\0', lambdas, ref names, ref assigned);
                }
            }
            else
            {
                if (token.Kind == TokenKind.String && FStringNames.IsFString(token.Text))
                {
                    List<string> found = names ??= [];
                    FStringNames.Collect(token.Text, name => AddDistinct(found, name));
                }
                startsOperand = endsOperand = token.Kind is TokenKind.Number or TokenKind.String;
                if (token.Kind == TokenKind.String && previousEndsOperand && _tokens[i - 1].Kind == TokenKind.String)
                {
                    startsOperand = false; // implicit concatenation: "a" "b"
                }
            }
            if (startsOperand && previousEndsOperand)
            {
                string message = IsPython2Print(start, i) ? $"Missing parentheses in call to '{_tokens[start].Text}'. Did you mean {_tokens[start].Text}(...)?"
                    : depth > 0 ? "invalid syntax. Perhaps you forgot a comma?"
                    : "invalid syntax";
                throw Error(message, depth > 0 ? _tokens[i - 1] : token);
            }
            previousEndsOperand = endsOperand;
        }
        if (!isSlice)
        {
            CheckEnds(start, end);
        }
        return new Expression(_tokens, start, end, ToImmutable(names), ToImmutable(assigned));
    }

    /// <summary>An expression cannot begin with a binary-only operator nor end with any operator but a closing bracket, <c>...</c> or a trailing comma.</summary>
    private void CheckEnds(int start, int end)
    {
        Token first = _tokens[start];
        if (first.Kind == TokenKind.Op && first.Text is not ("(" or "[" or "{" or "-" or "+" or "~" or "*" or "**" or "..."))
        {
            throw Error("invalid syntax", first);
        }
        Token last = _tokens[end - 1];
        if (last.Kind == TokenKind.Op && last.Text is not (")" or "]" or "}" or "..." or ","))
        {
            throw Error("invalid syntax", _tokens[end]);
        }
    }

    /// <summary>Python 2's <c>print x</c> / <c>exec x</c>: CPython names the mistake.</summary>
    private bool IsPython2Print(int start, int second) =>
        second == start + 1 && _tokens[start] is { Kind: TokenKind.Name, Text: "print" or "exec" };

    private void RecordName(int i, int start, int end, int depth, char bracket, List<LambdaScope>? lambdas, ref List<string>? names, ref List<string>? assigned)
    {
        string name = _tokens[i].Text;
        Token? previous = i > start ? _tokens[i - 1] : null;
        Token? next = i + 1 < end ? _tokens[i + 1] : null;
        if (previous is { Kind: TokenKind.Op, Text: "." })
        {
            return; // an attribute, not a name
        }
        if (lambdas is { Count: > 0 } && lambdas[^1] is { InBody: false } parameters && parameters.Depth == depth
            && previous is { Kind: TokenKind.Op, Text: "," or "*" or "**" } or { Kind: TokenKind.Name, Text: "lambda" })
        {
            parameters.Parameters.Add(name);
            return;
        }
        if (bracket == '(' && next is { Kind: TokenKind.Op, Text: "=" } && previous is { Kind: TokenKind.Op, Text: "(" or "," })
        {
            return; // a keyword argument's name
        }
        if (next is { Kind: TokenKind.Op, Text: ":=" })
        {
            AddDistinct(assigned ??= [], name);
            return;
        }
        if (lambdas is not null)
        {
            foreach (LambdaScope scope in lambdas)
            {
                if (scope.Parameters.Contains(name))
                {
                    return;
                }
            }
        }
        AddDistinct(names ??= [], name);
    }

    private static void AddDistinct(List<string> list, string name)
    {
        // Expressions are short: a linear search beats hashing here.
        foreach (string existing in list)
        {
            if (ReferenceEquals(existing, name) || existing == name)
            {
                return;
            }
        }
        list.Add(name);
    }

    private static ImmutableArray<string> ToImmutable(List<string>? list) =>
        list is null ? ImmutableArray<string>.Empty : [.. list];

    /// <summary>A <c>:</c> at a lambda's depth ends its parameters; a second one (a dict's) ends the lambda.</summary>
    private static void EnterLambdaBodyOrClose(List<LambdaScope>? lambdas, int depth)
    {
        if (lambdas is not { Count: > 0 } || lambdas[^1].Depth != depth)
        {
            return;
        }
        if (!lambdas[^1].InBody)
        {
            lambdas[^1].InBody = true;
        }
        else
        {
            CloseLambdas(lambdas, depth, atDepth: true);
        }
    }

    /// <summary>Ends the lambdas whose bodies cannot reach past this token: those deeper than <paramref name="depth"/> (or at it, when <paramref name="atDepth"/>).</summary>
    private static void CloseLambdas(List<LambdaScope>? lambdas, int depth, bool atDepth = false)
    {
        while (lambdas is { Count: > 0 } && (lambdas[^1].Depth > depth || (atDepth && lambdas[^1].Depth == depth && lambdas[^1].InBody)))
        {
            lambdas.RemoveAt(lambdas.Count - 1);
        }
    }

    /// <summary>A lambda being scanned: the bracket depth of its keyword and its parameter names.</summary>
    private sealed class LambdaScope(int depth)
    {
        public int Depth { get; } = depth;

        public bool InBody { get; set; }

        public HashSet<string> Parameters { get; } = new(StringComparer.Ordinal);
    }
}

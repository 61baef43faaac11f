using ActorImport.Python.Interpreting.Values;
using ActorImport.Python.Tokenizing;

namespace ActorImport.Python.Interpreting;

/// <summary>
/// Comprehensions of <see cref="ExpressionEvaluator"/>: list, set and dict comprehensions and
/// generator expressions over known iterables, run eagerly with their own variables (which do not
/// leak into the enclosing scope, as in Python 3). An iterable or condition that is not known
/// makes the whole comprehension opaque; no rule is applied.
/// </summary>
internal sealed partial class ExpressionEvaluator
{
    /// <summary>Most items a comprehension may produce before it is given up as opaque.</summary>
    private const int MaxComprehensionItems = 100_000;

    private readonly List<Dictionary<string, object?>> _comprehensionScopes = [];

    private enum ComprehensionKind
    {
        List,
        Set,
        Dict,
        Generator,
    }

    /// <summary>The index of a <c>for</c> at nesting depth 0 in [start, end), or -1.</summary>
    private int TopLevelFor(int start, int end)
    {
        int depth = 0;
        for (int i = start; i < end; i++)
        {
            Token t = _tokens[i];
            if (t.Kind == TokenKind.Op)
            {
                depth += t.Text is "(" or "[" or "{" ? 1 : t.Text is ")" or "]" or "}" ? -1 : 0;
            }
            else if (depth == 0 && t.Kind == TokenKind.Name && (t.Text == "for" || (t.Text == "async" && i + 1 < end && _tokens[i + 1].Text == "for")))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Reads a name bound by an enclosing comprehension, innermost first.</summary>
    private bool TryComprehensionVariable(string name, out object? value)
    {
        for (int i = _comprehensionScopes.Count - 1; i >= 0; i--)
        {
            if (_comprehensionScopes[i].TryGetValue(name, out value))
            {
                return true;
            }
        }
        value = null;
        return false;
    }

    /// <summary>
    /// Evaluates the comprehension whose element spans [start, forAt) and whose clauses span
    /// [forAt, end). Leaves <c>_pos</c>/<c>_end</c> as it found them.
    /// </summary>
    private object? Comprehension(ComprehensionKind kind, int start, int forAt, int end)
    {
        if (_dryRun > 0)
        {
            return new OpaqueValue("comprehension");
        }
        List<(bool IsFor, int Start, int Split, int End)> clauses = Clauses(forAt, end);
        int colon = kind == ComprehensionKind.Dict ? TopLevelOp(start, forAt, ":") : -1;
        var results = new List<object?>();
        var dict = new Dictionary<object, object?>(PyKeyComparer.Instance);
        var scope = new Dictionary<string, object?>(StringComparer.Ordinal);
        _comprehensionScopes.Add(scope);
        try
        {
            Run(0);
        }
        finally
        {
            _comprehensionScopes.RemoveAt(_comprehensionScopes.Count - 1);
        }
        return kind switch
        {
            ComprehensionKind.List => results,
            ComprehensionKind.Generator => new PyIterator(results),
            ComprehensionKind.Set => results.All(PyOperators.IsKnown) ? new HashSet<object?>(results, PyKeyComparer.Instance) : new OpaqueValue("set comprehension"),
            _ => dict,
        };

        void Run(int index)
        {
            if (index == clauses.Count)
            {
                if (results.Count + dict.Count >= MaxComprehensionItems)
                {
                    throw new NotEvaluableException("comprehension too long");
                }
                if (kind == ComprehensionKind.Dict)
                {
                    object? key = Span(start, colon, ParseExpression);
                    object? value = Span(colon + 1, forAt, ParseExpression);
                    dict[key is not null && PyOperators.IsKnown(key) ? key : throw new NotEvaluableException("dict comprehension key")] = value;
                }
                else
                {
                    results.Add(Span(start, forAt, ParseExpression));
                }
                return;
            }
            var (isFor, clauseStart, split, clauseEnd) = clauses[index];
            if (!isFor)
            {
                switch (PyOperators.Truth(Span(clauseStart, clauseEnd, ParseOr)))
                {
                    case true: Run(index + 1); break;
                    case null: throw new NotEvaluableException("undecided comprehension condition");
                }
                return;
            }
            IReadOnlyList<object?> items = Iteration.Items(Span(split + 1, clauseEnd, ParseOr)) ?? throw new NotEvaluableException("comprehension over an unknown iterable");
            foreach (object? item in items)
            {
                if (!_context.Charge(1))
                {
                    throw new NotEvaluableException("comprehension over the work budget");
                }
                BindTarget(clauseStart, split, item, _comprehensionScopes[^1]);
                Run(index + 1);
            }
        }
    }

    /// <summary>The <c>for target in iterable</c> / <c>if condition</c> clauses: (is for, start, index of <c>in</c>, end).</summary>
    private List<(bool IsFor, int Start, int Split, int End)> Clauses(int forAt, int end)
    {
        var clauses = new List<(bool, int, int, int)>();
        int i = forAt;
        while (i < end)
        {
            Token keyword = _tokens[i];
            if (keyword.Text == "async")
            {
                throw new NotEvaluableException("async comprehension");
            }
            bool isFor = keyword.Text == "for";
            int start = i + 1, split = -1, depth = 0, j = start;
            for (; j < end; j++)
            {
                Token t = _tokens[j];
                if (t.Kind == TokenKind.Op)
                {
                    depth += t.Text is "(" or "[" or "{" ? 1 : t.Text is ")" or "]" or "}" ? -1 : 0;
                }
                else if (depth == 0 && t.Kind == TokenKind.Name)
                {
                    if (isFor && split < 0 && t.Text == "in")
                    {
                        split = j;
                    }
                    else if ((t.Text is "for" or "async" || t.Text == "if") && (!isFor || split >= 0))
                    {
                        break;
                    }
                }
            }
            if (isFor && split < 0)
            {
                throw new NotEvaluableException("comprehension without in");
            }
            clauses.Add((isFor, start, split, j));
            i = j;
        }
        return clauses;
    }

    /// <summary>Binds a comprehension target (a name, or a tuple/list of targets) in <paramref name="scope"/>.</summary>
    private void BindTarget(int start, int end, object? value, Dictionary<string, object?> scope)
    {
        var parts = new List<(int, int)>();
        int depth = 0, partStart = start;
        for (int i = start; i < end; i++)
        {
            Token t = _tokens[i];
            if (t.Kind == TokenKind.Op)
            {
                depth += t.Text is "(" or "[" ? 1 : t.Text is ")" or "]" ? -1 : 0;
                if (depth == 0 && t.Text == ",")
                {
                    parts.Add((partStart, i));
                    partStart = i + 1;
                }
            }
        }
        bool trailingComma = partStart == end && parts.Count > 0;
        if (!trailingComma)
        {
            parts.Add((partStart, end));
        }
        if (parts.Count == 1 && !trailingComma)
        {
            (int s, int e) = parts[0];
            if (e - s == 1 && _tokens[s].Kind == TokenKind.Name)
            {
                scope[_tokens[s].Text] = value;
                return;
            }
            if (e - s >= 2 && _tokens[s].Text is "(" or "[" && MatchingCloseIn(s, e) == e - 1)
            {
                BindTarget(s + 1, e - 1, value, scope);
                return;
            }
            throw new NotEvaluableException("comprehension target");
        }
        if (Iteration.Items(value) is not { } items || items.Count != parts.Count)
        {
            throw new NotEvaluableException("comprehension unpacking");
        }
        for (int k = 0; k < parts.Count; k++)
        {
            BindTarget(parts[k].Item1, parts[k].Item2, items[k], scope);
        }
    }

    private int MatchingCloseIn(int open, int end)
    {
        (int savedEnd, _end) = (_end, end);
        try
        {
            return MatchingClose(open);
        }
        finally
        {
            _end = savedEnd;
        }
    }

    private bool TopLevelColon(int start, int end)
    {
        try
        {
            TopLevelOp(start, end, ":");
            return true;
        }
        catch (NotEvaluableException)
        {
            return false;
        }
    }

    private int TopLevelOp(int start, int end, string op)
    {
        int depth = 0;
        for (int i = start; i < end; i++)
        {
            Token t = _tokens[i];
            if (t.Kind != TokenKind.Op)
            {
                continue;
            }
            depth += t.Text is "(" or "[" or "{" ? 1 : t.Text is ")" or "]" or "}" ? -1 : 0;
            if (depth == 0 && t.Text == op)
            {
                return i;
            }
        }
        throw new NotEvaluableException("dict comprehension without ':'");
    }

    /// <summary>Parses [start, end) with <paramref name="parse"/>, which must consume it all.</summary>
    private object? Span(int start, int end, Func<object?> parse)
    {
        (int savedPos, int savedEnd) = (_pos, _end);
        (_pos, _end) = (start, end);
        try
        {
            object? value = parse();
            return AtEnd ? value : throw new NotEvaluableException("comprehension part");
        }
        finally
        {
            (_pos, _end) = (savedPos, savedEnd);
        }
    }
}

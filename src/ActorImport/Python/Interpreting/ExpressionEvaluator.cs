using ActorImport.Model;
using ActorImport.Python.Interpreting.Values;
using ActorImport.Python.Tokenizing;

namespace ActorImport.Python.Interpreting;

/// <summary>
/// Evaluates one expression given as its tokens, the way CPython would at import time, but only
/// as far as the import level needs: literals and displays, names, attribute reads, subscripts
/// and slices of known sequences, <c>not</c>/<c>and</c>/<c>or</c>, comparisons (chained, tuples
/// lexicographically), <c>+ - * %</c> on known values, the conditional expression, and calls of
/// intrinsic functions (through <see cref="IEvaluationContext.Call"/>). Whatever it cannot compute
/// is an <see cref="OpaqueValue"/>; syntax it does not model (lambda, comprehensions, f-strings
/// with fields, walrus…) makes the enclosing bracket or the whole expression opaque.
/// Side effects follow Python's order; a branch Python would not evaluate (short circuit,
/// the other arm of a conditional) is parsed without running calls.
/// The grammar levels live in partial files: operators (ExpressionEvaluator.Operators.cs),
/// primaries (calls, subscripts: .Primaries.cs) and atoms (literals, displays: .Atoms.cs).
/// Not thread-safe: one instance per evaluation.
/// </summary>
internal sealed partial class ExpressionEvaluator
{
    private readonly Token[] _tokens;
    private readonly IEvaluationContext _context;
    private int _pos;
    private int _end;
    private int _dryRun;

    /// <summary>
    /// How deep the recursive descent may go: nested operators, brackets and conditional
    /// expressions together. CPython's compiler allows <c>sys.getrecursionlimit() * 3</c> (3,000)
    /// levels of an expression's tree before its RecursionError; one level here is one level there
    /// for unary operators and conditional expressions.
    /// </summary>
    internal const int MaxNesting = 3000;

    private int _nesting;

    private ExpressionEvaluator(Token[] tokens, IEvaluationContext context)
    {
        _tokens = tokens;
        _context = context;
        _end = tokens.Length;
    }

    /// <summary>Evaluates an expression list (a bare tuple when it has top-level commas).</summary>
    public static object? Evaluate(ReadOnlySpan<Token> tokens, IEvaluationContext context) => Evaluate(tokens, context, null);

    /// <summary>Evaluates inside the comprehensions of another evaluation (an f-string field reads their variables).</summary>
    private static object? Evaluate(ReadOnlySpan<Token> tokens, IEvaluationContext context, List<Dictionary<string, object?>>? comprehensionScopes)
    {
        Token[] significant = Significant(tokens);
        if (significant.Length == 0)
        {
            return OpaqueValue.Instance;
        }
        var evaluator = new ExpressionEvaluator(significant, context);
        if (comprehensionScopes is not null)
        {
            evaluator._comprehensionScopes.AddRange(comprehensionScopes);
        }
        try
        {
            object? value = evaluator.ParseExpressionList();
            return evaluator._pos == evaluator._end ? value : new OpaqueValue("unparsed expression");
        }
        catch (NotEvaluableException e)
        {
            return new OpaqueValue(e.Message);
        }
    }

    /// <summary>Drops the tokens that carry no meaning inside an expression (comments, NL).</summary>
    public static Token[] Significant(ReadOnlySpan<Token> tokens)
    {
        var kept = new List<Token>(tokens.Length);
        foreach (Token t in tokens)
        {
            if (t.Kind is not (TokenKind.Comment or TokenKind.NL or TokenKind.Newline or TokenKind.Indent or TokenKind.Dedent or TokenKind.EndMarker))
            {
                kept.Add(t);
            }
        }
        return kept.ToArray();
    }

    private bool AtEnd => _pos >= _end;

    private Token Current => _tokens[_pos];

    private bool IsOp(string text) => !AtEnd && Current.Kind == TokenKind.Op && Current.Text == text;

    private bool IsKeyword(string text) => !AtEnd && Current.Kind == TokenKind.Name && Current.Text == text;

    private bool AcceptOp(string text)
    {
        if (IsOp(text))
        {
            _pos++;
            return true;
        }
        return false;
    }

    private bool AcceptKeyword(string text)
    {
        if (IsKeyword(text))
        {
            _pos++;
            return true;
        }
        return false;
    }

    private void ExpectOp(string text)
    {
        if (!AcceptOp(text))
        {
            throw new NotEvaluableException($"expected '{text}'");
        }
    }

    private object? ParseExpressionList()
    {
        var items = new List<object?>();
        bool sawComma = false;
        while (!AtEnd && !IsOp(")") && !IsOp("]") && !IsOp("}") && !IsOp("="))
        {
            if (AcceptOp("*"))
            {
                Splice(items, ParseOr());
            }
            else
            {
                items.Add(ParseExpression());
            }
            if (!AcceptOp(","))
            {
                break;
            }
            sawComma = true;
        }
        return sawComma || items.Count != 1 ? Tuple(items) : items[0];
    }

    private static PyTuple Tuple(List<object?> items) =>
        items.Any(i => i is OpaqueValue o && o.Description == SpliceFailed) ? throw new NotEvaluableException("starred opaque") : new PyTuple(items.ToArray());

    private const string SpliceFailed = "<splice>";

    private static void Splice(List<object?> items, object? value)
    {
        switch (value)
        {
            case PyTuple t: items.AddRange(t.Items); break;
            case List<object?> l: items.AddRange(l); break;
            case string s: items.AddRange(s.Select(c => (object?)c.ToString())); break;
            default: items.Add(new OpaqueValue(SpliceFailed)); break;
        }
    }

    private object? ParseExpression()
    {
        EnterNesting();
        try
        {
            return ParseExpressionNested();
        }
        finally
        {
            _nesting--;
        }
    }

    /// <summary>
    /// Counts one level of the evaluator's recursion. Deeper than <see cref="MaxNesting"/> (or
    /// with the thread's stack running low) is CPython's compile-time
    /// <c>RecursionError: maximum recursion depth exceeded during compilation</c> (3.11 raises it
    /// from about 3,000 nested unary operators or conditional expressions; its parser gives
    /// MemoryError instead when the nesting is deeper still, e.g. 100,000), not a stack overflow
    /// of the process (found by fuzzing: <c>"not " * 100000</c>).
    /// </summary>
    private void EnterNesting()
    {
        if (++_nesting > MaxNesting)
        {
            _nesting--;
            throw new PythonException("RecursionError", "maximum recursion depth exceeded during compilation");
        }
        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            // Low because of nested calls rather than this expression: the call budget's report.
            _nesting--;
            throw _context.StackExhausted(_pos < _end ? _tokens[_pos].Start.Line : 0);
        }
    }

    private object? ParseExpressionNested()
    {
        if (AcceptKeyword("lambda"))
        {
            SkipToTopLevelComma();
            return new OpaqueValue("lambda");
        }
        if (IsKeyword("yield") || IsKeyword("await"))
        {
            throw new NotEvaluableException(Current.Text);
        }
        if (!HasTopLevelIf())
        {
            object? plain = ParseOr();
            if (IsOp(":="))
            {
                throw new NotEvaluableException("assignment expression");
            }
            return plain;
        }
        // body if condition else orelse: Python evaluates the condition first, then one arm.
        int start = _pos;
        object? body = DryValue(ParseOr);
        int bodyEnd = _pos;
        if (!AcceptKeyword("if"))
        {
            throw new NotEvaluableException("conditional expression");
        }
        object? condition = ParseOr();
        if (!AcceptKeyword("else"))
        {
            throw new NotEvaluableException("conditional expression without else");
        }
        bool? truth = PyOperators.Truth(condition);
        if (truth is null)
        {
            DryRun(() => ParseExpression());
            return new OpaqueValue("undecided conditional expression");
        }
        if (truth.Value)
        {
            DryRun(() => ParseExpression());
            return ReEvaluate(start, bodyEnd, body);
        }
        return ParseExpression();
    }

    /// <summary>True if a conditional expression's <c>if</c> follows at this nesting level (before a comma or the end).</summary>
    private bool HasTopLevelIf()
    {
        int depth = 0;
        for (int i = _pos; i < _end; i++)
        {
            Token t = _tokens[i];
            if (t.Kind == TokenKind.Op)
            {
                if (t.Text is "(" or "[" or "{")
                {
                    depth++;
                }
                else if (t.Text is ")" or "]" or "}")
                {
                    if (--depth < 0)
                    {
                        return false;
                    }
                }
                else if (depth == 0 && t.Text is "," or ":" or "=")
                {
                    return false;
                }
            }
            else if (depth == 0 && t.Kind == TokenKind.Name && t.Text is "if" or "for" or "lambda")
            {
                return t.Text == "if";
            }
        }
        return false;
    }

    /// <summary>The arm before <c>if</c> was parsed before its condition; re-run it now that it is chosen, for its side effects.</summary>
    private object? ReEvaluate(int start, int end, object? dryValue)
    {
        if (_dryRun > 0)
        {
            return dryValue;
        }
        (int savedPos, int savedEnd) = (_pos, _end);
        (_pos, _end) = (start, end);
        try
        {
            return ParseOr();
        }
        finally
        {
            (_pos, _end) = (savedPos, savedEnd);
        }
    }

    private void DryRun(Action parse)
    {
        _dryRun++;
        try
        {
            parse();
        }
        finally
        {
            _dryRun--;
        }
    }

    private void SkipToTopLevelComma()
    {
        int depth = 0;
        while (!AtEnd)
        {
            if (Current.Kind == TokenKind.Op)
            {
                if (Current.Text is "(" or "[" or "{")
                {
                    depth++;
                }
                else if (Current.Text is ")" or "]" or "}")
                {
                    if (depth == 0)
                    {
                        return;
                    }
                    depth--;
                }
                else if (Current.Text == "," && depth == 0)
                {
                    return;
                }
            }
            _pos++;
        }
    }
}

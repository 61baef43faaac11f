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
/// Not thread-safe: one instance per evaluation.
/// </summary>
internal sealed class ExpressionEvaluator
{
    private readonly Token[] _tokens;
    private readonly IEvaluationContext _context;
    private int _pos;
    private int _end;
    private int _dryRun;

    private ExpressionEvaluator(Token[] tokens, IEvaluationContext context)
    {
        _tokens = tokens;
        _context = context;
        _end = tokens.Length;
    }

    /// <summary>Evaluates an expression list (a bare tuple when it has top-level commas).</summary>
    public static object? Evaluate(ReadOnlySpan<Token> tokens, IEvaluationContext context)
    {
        Token[] significant = Significant(tokens);
        if (significant.Length == 0)
        {
            return OpaqueValue.Instance;
        }
        var evaluator = new ExpressionEvaluator(significant, context);
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

    private object? ParseOr()
    {
        object? left = ParseAnd();
        while (AcceptKeyword("or"))
        {
            bool? truth = PyOperators.Truth(left);
            if (truth == true)
            {
                DryRun(() => ParseAnd());
                continue;
            }
            object? right = truth is null ? DryValue(ParseAnd) : ParseAnd();
            left = truth is null ? (PyOperators.Truth(right) == true ? new OpaqueValue("undecided or (truthy)") : new OpaqueValue("undecided or")) : right;
        }
        return left;
    }

    private object? ParseAnd()
    {
        object? left = ParseNot();
        while (AcceptKeyword("and"))
        {
            bool? truth = PyOperators.Truth(left);
            if (truth == false)
            {
                DryRun(() => ParseNot());
                continue;
            }
            object? right = truth is null ? DryValue(ParseNot) : ParseNot();
            // x and <falsy> is falsy whatever x is; keep that much when x is undecided.
            left = truth is null ? (PyOperators.Truth(right) == false ? false : new OpaqueValue("undecided and")) : right;
        }
        return left;
    }

    private object? DryValue(Func<object?> parse)
    {
        _dryRun++;
        try
        {
            return parse();
        }
        finally
        {
            _dryRun--;
        }
    }

    private object? ParseNot()
    {
        if (AcceptKeyword("not"))
        {
            bool? truth = PyOperators.Truth(ParseNot());
            return truth is null ? new OpaqueValue("not <undecided>") : !truth.Value;
        }
        return ParseComparison();
    }

    private object? ParseComparison()
    {
        object? left = ParseBitOr();
        object? result = null;
        bool any = false;
        while (TryComparisonOperator(out string op))
        {
            object? right = ParseBitOr();
            object? step = CompareValues(op, left, right);
            result = !any ? step : (PyOperators.Truth(result) is false ? result : (PyOperators.Truth(result) is null ? new OpaqueValue("chained") : step));
            any = true;
            left = right;
        }
        return any ? result : left;
    }

    private bool TryComparisonOperator(out string op)
    {
        op = "";
        if (AtEnd)
        {
            return false;
        }
        Token t = Current;
        if (t.Kind == TokenKind.Op && t.Text is "<" or ">" or "==" or ">=" or "<=" or "!=")
        {
            op = t.Text;
            _pos++;
            return true;
        }
        if (t.Kind == TokenKind.Name && t.Text == "in")
        {
            op = "in";
            _pos++;
            return true;
        }
        if (t.Kind == TokenKind.Name && t.Text == "is")
        {
            _pos++;
            op = AcceptKeyword("not") ? "is not" : "is";
            return true;
        }
        if (t.Kind == TokenKind.Name && t.Text == "not" && _pos + 1 < _end && _tokens[_pos + 1].Text == "in")
        {
            _pos += 2;
            op = "not in";
            return true;
        }
        return false;
    }

    private static object? CompareValues(string op, object? left, object? right)
    {
        switch (op)
        {
            case "==" or "!=":
                if (!PyOperators.IsKnown(left) || !PyOperators.IsKnown(right))
                {
                    return new OpaqueValue($"undecided {op}");
                }
                bool equal = PyOperators.AreEqual(left, right);
                return op == "==" ? equal : !equal;
            case "in" or "not in":
                bool? contains = PyOperators.Contains(right, left);
                return contains is null ? new OpaqueValue($"undecided {op}") : (op == "in" ? contains.Value : !contains.Value);
            case "is" or "is not":
                bool? same = (left, right) switch
                {
                    (null, null) => true,
                    (null, var v) when v is not OpaqueValue => false,
                    (var v, null) when v is not OpaqueValue => false,
                    (bool a, bool b) => a == b,
                    _ => null,
                };
                return same is null ? new OpaqueValue($"undecided {op}") : (op == "is" ? same.Value : !same.Value);
            default:
                if (!PyOperators.IsKnown(left) || !PyOperators.IsKnown(right))
                {
                    return new OpaqueValue($"undecided {op}");
                }
                int? order = PyOperators.Compare(left, right);
                return order is null ? new OpaqueValue($"incomparable {op}") : op switch
                {
                    "<" => order < 0,
                    "<=" => order <= 0,
                    ">" => order > 0,
                    _ => order >= 0,
                };
        }
    }

    private object? ParseBitOr()
    {
        object? left = ParseArith();
        while (!AtEnd && Current.Kind == TokenKind.Op && Current.Text is "|" or "&" or "^" or "<<" or ">>")
        {
            string op = Current.Text;
            _pos++;
            object? right = ParseArith();
            left = (left, right) switch
            {
                (long a, long b) => op switch
                {
                    "|" => a | b,
                    "&" => a & b,
                    "^" => a ^ b,
                    "<<" when b is >= 0 and < 63 => a << (int)b,
                    ">>" when b >= 0 => a >> (int)Math.Min(b, 63),
                    _ => new OpaqueValue(op),
                },
                _ => new OpaqueValue(op),
            };
        }
        return left;
    }

    private object? ParseArith()
    {
        object? left = ParseTerm();
        while (!AtEnd && Current.Kind == TokenKind.Op && Current.Text is "+" or "-")
        {
            string op = Current.Text;
            _pos++;
            object? right = ParseTerm();
            left = (op, left, right) switch
            {
                ("+", long a, long b) => Checked(() => checked(a + b)),
                ("-", long a, long b) => Checked(() => checked(a - b)),
                ("+", double a, double b) => a + b,
                ("-", double a, double b) => a - b,
                ("+", string a, string b) => a + b,
                ("+", PyTuple a, PyTuple b) => new PyTuple([.. a.Items, .. b.Items]),
                ("+", List<object?> a, List<object?> b) => new List<object?>([.. a, .. b]),
                _ => new OpaqueValue(op),
            };
        }
        return left;
    }

    private static object Checked(Func<long> compute)
    {
        try
        {
            return compute();
        }
        catch (OverflowException)
        {
            return new OpaqueValue("big int");
        }
    }

    private object? ParseTerm()
    {
        object? left = ParseFactor();
        while (!AtEnd && Current.Kind == TokenKind.Op && Current.Text is "*" or "/" or "//" or "%" or "@")
        {
            string op = Current.Text;
            _pos++;
            object? right = ParseFactor();
            left = (op, left, right) switch
            {
                ("*", long a, long b) => Checked(() => checked(a * b)),
                ("*", string s, long n) => n <= 0 ? "" : (n * s.Length < 1_000_000 ? string.Concat(Enumerable.Repeat(s, (int)n)) : new OpaqueValue("big string")),
                ("*", List<object?> l, long n) => n <= 0 ? new List<object?>() : (n * l.Count < 100_000 ? Enumerable.Repeat(l, (int)n).SelectMany(x => x).ToList() : new OpaqueValue("big list")),
                ("//", long a, long b) when b != 0 => FloorDiv(a, b),
                ("%", long a, long b) when b != 0 => a - (FloorDiv(a, b) * b),
                _ => new OpaqueValue(op),
            };
        }
        return left;
    }

    private static long FloorDiv(long a, long b) => (a / b) - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);

    private object? ParseFactor()
    {
        if (!AtEnd && Current.Kind == TokenKind.Op && Current.Text is "-" or "+" or "~")
        {
            string op = Current.Text;
            _pos++;
            object? operand = ParseFactor();
            return (op, operand) switch
            {
                ("-", long l) => Checked(() => checked(-l)),
                ("-", double d) => -d,
                ("+", long or double) => operand,
                ("~", long l) => ~l,
                _ => new OpaqueValue(op),
            };
        }
        object? value = ParsePrimary();
        if (AcceptOp("**"))
        {
            object? exponent = ParseFactor();
            return (value, exponent) switch
            {
                (long a, long b) when b is >= 0 and < 64 => Checked(() => { long r = 1; for (long i = 0; i < b; i++) { r = checked(r * a); } return r; }),
                _ => new OpaqueValue("**"),
            };
        }
        return value;
    }

    private object? ParsePrimary()
    {
        object? value = ParseAtom();
        while (!AtEnd && Current.Kind == TokenKind.Op)
        {
            if (AcceptOp("."))
            {
                if (AtEnd || Current.Kind != TokenKind.Name)
                {
                    throw new NotEvaluableException("attribute name expected");
                }
                string name = Current.Text;
                _pos++;
                value = _dryRun > 0 && value is OpaqueValue ? value : _context.GetAttribute(value, name);
            }
            else if (IsOp("("))
            {
                int line = Current.Start.Line;
                value = ParseCall(value, line);
            }
            else if (IsOp("["))
            {
                value = ParseSubscript(value);
            }
            else
            {
                break;
            }
        }
        return value;
    }

    private object? ParseCall(object? callee, int line)
    {
        int close = MatchingClose(_pos);
        _pos++;
        var args = new List<object?>();
        var keywords = new Dictionary<string, object?>(StringComparer.Ordinal);
        bool evaluable = true;
        (int savedEnd, _end) = (_end, close);
        try
        {
            while (!AtEnd)
            {
                if (IsOp("*") || IsOp("**"))
                {
                    evaluable = false;
                    _pos++;
                    ParseExpression();
                }
                else if (Current.Kind == TokenKind.Name && _pos + 1 < _end && _tokens[_pos + 1].Kind == TokenKind.Op && _tokens[_pos + 1].Text == "=")
                {
                    string keyword = Current.Text;
                    _pos += 2;
                    keywords[keyword] = ParseExpression();
                }
                else
                {
                    args.Add(ParseExpression());
                    if (IsKeyword("for") || IsKeyword("async"))
                    {
                        throw new NotEvaluableException("generator expression");
                    }
                }
                if (!AcceptOp(","))
                {
                    break;
                }
            }
            if (!AtEnd)
            {
                throw new NotEvaluableException("call arguments");
            }
        }
        catch (NotEvaluableException)
        {
            evaluable = false;
        }
        finally
        {
            _end = savedEnd;
            _pos = close + 1;
        }
        if (!evaluable || _dryRun > 0)
        {
            return new OpaqueValue("call");
        }
        return _context.Call(callee, args, keywords, line);
    }

    private object? ParseSubscript(object? target)
    {
        int close = MatchingClose(_pos);
        _pos++;
        (int savedEnd, _end) = (_end, close);
        object? result;
        try
        {
            result = Index(target);
            if (!AtEnd)
            {
                throw new NotEvaluableException("subscript");
            }
        }
        catch (NotEvaluableException)
        {
            result = new OpaqueValue("subscript");
        }
        finally
        {
            _end = savedEnd;
            _pos = close + 1;
        }
        return result;
    }

    private object? Index(object? target)
    {
        object? start = null, stop = null, step = null;
        bool slice = false;
        if (!IsOp(":"))
        {
            start = ParseExpressionList();
        }
        if (AcceptOp(":"))
        {
            slice = true;
            if (!AtEnd && !IsOp(":"))
            {
                stop = ParseExpression();
            }
            if (AcceptOp(":") && !AtEnd)
            {
                step = ParseExpression();
            }
        }
        if (_dryRun > 0)
        {
            return new OpaqueValue("subscript");
        }
        IReadOnlyList<object?>? sequence = target switch
        {
            PyTuple t => t.Items,
            List<object?> l => l,
            string s => s.Select(c => (object?)c.ToString()).ToArray(),
            _ => null,
        };
        if (slice)
        {
            if (sequence is null || start is not (null or long) || stop is not (null or long) || step is not (null or long) || step is 0L)
            {
                return new OpaqueValue("slice");
            }
            object?[] items = Slice(sequence, (long?)start, (long?)stop, (long?)step ?? 1);
            return target switch
            {
                PyTuple => new PyTuple(items),
                List<object?> => items.ToList(),
                _ => string.Concat(items.Cast<string>()),
            };
        }
        if (sequence is not null && start is long index)
        {
            long i = index < 0 ? index + sequence.Count : index;
            return i >= 0 && i < sequence.Count ? sequence[(int)i] : new OpaqueValue("IndexError");
        }
        if (target is Dictionary<object, object?> dict && start is not null && PyOperators.IsKnown(start))
        {
            return dict.TryGetValue(start, out object? v) ? v : new OpaqueValue("KeyError");
        }
        return _context.GetItem(target, start);
    }

    private static object?[] Slice(IReadOnlyList<object?> sequence, long? start, long? stop, long step)
    {
        long n = sequence.Count;
        long Clamp(long? v, long dflt, long lo, long hi) =>
            v is null ? dflt : Math.Clamp(v.Value < 0 ? v.Value + n : v.Value, lo, hi);
        var result = new List<object?>();
        if (step > 0)
        {
            for (long i = Clamp(start, 0, 0, n); i < Clamp(stop, n, 0, n); i += step)
            {
                result.Add(sequence[(int)i]);
            }
        }
        else
        {
            for (long i = Clamp(start, n - 1, -1, n - 1); i > Clamp(stop, -1, -1, n - 1); i += step)
            {
                result.Add(sequence[(int)i]);
            }
        }
        return result.ToArray();
    }

    private int MatchingClose(int open)
    {
        int depth = 0;
        for (int i = open; i < _end; i++)
        {
            Token t = _tokens[i];
            if (t.Kind != TokenKind.Op)
            {
                continue;
            }
            if (t.Text is "(" or "[" or "{")
            {
                depth++;
            }
            else if (t.Text is ")" or "]" or "}" && --depth == 0)
            {
                return i;
            }
        }
        throw new NotEvaluableException("unbalanced brackets");
    }

    private object? ParseAtom()
    {
        if (AtEnd)
        {
            throw new NotEvaluableException("expression expected");
        }
        Token t = Current;
        switch (t.Kind)
        {
            case TokenKind.Number:
                _pos++;
                return PyLiteral.ParseNumber(t.Text);
            case TokenKind.String:
                return ParseStrings();
            case TokenKind.Name:
                _pos++;
                switch (t.Text)
                {
                    case "True": return true;
                    case "False": return false;
                    case "None": return null;
                    case "lambda" or "yield" or "await" or "not" or "and" or "or" or "if" or "else" or "for" or "in" or "is":
                        throw new NotEvaluableException($"keyword {t.Text}");
                }
                return _context.TryLookup(t.Text, out object? value) ? value : new OpaqueValue($"unbound name {t.Text}");
            case TokenKind.Op when t.Text == "...":
                _pos++;
                return new OpaqueValue("Ellipsis");
            case TokenKind.Op when t.Text is "(" or "[" or "{":
                return ParseDisplay(t.Text);
            default:
                throw new NotEvaluableException($"unexpected {t.Text}");
        }
    }

    private object? ParseStrings()
    {
        object? value = null;
        while (!AtEnd && Current.Kind == TokenKind.String)
        {
            object part = PyLiteral.ParseString(Current.Text);
            _pos++;
            value = (value, part) switch
            {
                (null, _) => part,
                (string a, string b) => a + b,
                (PyBytes a, PyBytes b) => new PyBytes([.. a.Value, .. b.Value]),
                _ => new OpaqueValue("string concatenation"),
            };
        }
        return value;
    }

    private object? ParseDisplay(string open)
    {
        int close = MatchingClose(_pos);
        _pos++;
        (int savedEnd, _end) = (_end, close);
        object? result;
        try
        {
            result = open switch
            {
                "(" => ParseParenthesised(),
                "[" => ParseList(),
                _ => ParseDictOrSet(),
            };
            if (!AtEnd)
            {
                throw new NotEvaluableException("display");
            }
        }
        catch (NotEvaluableException e)
        {
            result = new OpaqueValue(e.Message);
        }
        finally
        {
            _end = savedEnd;
            _pos = close + 1;
        }
        return result;
    }

    private object? ParseParenthesised()
    {
        if (AtEnd)
        {
            return PyTuple.Empty;
        }
        if (IsKeyword("yield"))
        {
            throw new NotEvaluableException("yield");
        }
        object? value = ParseExpressionList();
        if (IsKeyword("for") || IsKeyword("async"))
        {
            throw new NotEvaluableException("generator expression");
        }
        return value;
    }

    private object? ParseList()
    {
        var items = new List<object?>();
        while (!AtEnd)
        {
            if (AcceptOp("*"))
            {
                Splice(items, ParseOr());
            }
            else
            {
                items.Add(ParseExpression());
            }
            if (IsKeyword("for") || IsKeyword("async"))
            {
                throw new NotEvaluableException("list comprehension");
            }
            if (!AcceptOp(","))
            {
                break;
            }
        }
        return items.Any(i => i is OpaqueValue o && o.Description == SpliceFailed) ? new OpaqueValue("starred") : items;
    }

    private object? ParseDictOrSet()
    {
        var dict = new Dictionary<object, object?>(PyKeyComparer.Instance);
        var set = new HashSet<object?>(PyKeyComparer.Instance);
        bool? isDict = AtEnd ? true : null;
        bool opaque = false;
        while (!AtEnd)
        {
            if (AcceptOp("**"))
            {
                isDict = true;
                if (ParseBitOr() is Dictionary<object, object?> other)
                {
                    foreach (var kv in other)
                    {
                        dict[kv.Key] = kv.Value;
                    }
                }
                else
                {
                    opaque = true;
                }
            }
            else
            {
                object? key = ParseExpression();
                if (IsKeyword("for") || IsKeyword("async"))
                {
                    throw new NotEvaluableException("comprehension");
                }
                if (AcceptOp(":"))
                {
                    isDict = true;
                    object? value = ParseExpression();
                    if (IsKeyword("for") || IsKeyword("async"))
                    {
                        throw new NotEvaluableException("comprehension");
                    }
                    if (key is null || !PyOperators.IsKnown(key))
                    {
                        opaque = true;
                    }
                    else
                    {
                        dict[key] = value;
                    }
                }
                else
                {
                    isDict = false;
                    opaque |= !PyOperators.IsKnown(key);
                    set.Add(key);
                }
            }
            if (!AcceptOp(","))
            {
                break;
            }
        }
        if (opaque)
        {
            return new OpaqueValue(isDict == false ? "set" : "dict");
        }
        return isDict == false ? set : dict;
    }
}

/// <summary>Syntax the evaluator does not model; caught inside the evaluator, never escapes it.</summary>
internal sealed class NotEvaluableException(string message) : Exception(message);

/// <summary>Python's key equality (1 == 1.0 == True) for dict and set displays. Stateless.</summary>
internal sealed class PyKeyComparer : IEqualityComparer<object?>
{
    public static PyKeyComparer Instance { get; } = new();

    public new bool Equals(object? x, object? y) => PyOperators.AreEqual(x, y);

    public int GetHashCode(object? obj) => obj is null ? 0 : PyOperators.HashOf(obj);
}

using ActorImport.Python.Interpreting.Values;
using ActorImport.Python.Tokenizing;

namespace ActorImport.Python.Interpreting;

/// <summary>The operator levels of <see cref="ExpressionEvaluator"/>: <c>or</c>, <c>and</c>, <c>not</c>, comparisons, bitwise or, arithmetic.</summary>
internal sealed partial class ExpressionEvaluator
{
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
            EnterNesting();
            try
            {
                bool? truth = PyOperators.Truth(ParseNot());
                return truth is null ? new OpaqueValue("not <undecided>") : !truth.Value;
            }
            finally
            {
                _nesting--;
            }
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
            if (step is OpaqueValue && op is "in" or "not in" && _dryRun == 0 && _context.Contains(right, left) is bool found)
            {
                step = op == "in" ? found : !found;
            }
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
            case "==" or "!=" when PyOperators.HasIdentity(left) && PyOperators.HasIdentity(right) && left is not PyInstance && right is not PyInstance:
                bool same = PyOperators.Identical(left, right) == true;
                return op == "==" ? same : !same;
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
                bool? identical = PyOperators.Identical(left, right);
                return identical is null ? new OpaqueValue($"undecided {op}") : (op == "is" ? identical.Value : !identical.Value);
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
            // Set operations compare every pair of items here: charged to the body's work budget.
            if (left is HashSet<object?> set && right is HashSet<object?> or List<object?> && !_context.Charge(Math.Max(1, (long)set.Count * (right is HashSet<object?> h ? h.Count : ((List<object?>)right).Count))))
            {
                left = new OpaqueValue("set operation over the work budget");
                continue;
            }
            left = (left, right) switch
            {
                (HashSet<object?> a, HashSet<object?> or List<object?>) when Iteration.Items(right) is { } items && items.All(PyOperators.IsKnown) => op switch
                {
                    "|" => new HashSet<object?>(a.Concat(items), PyKeyComparer.Instance),
                    "&" => new HashSet<object?>(a.Where(x => items.Any(y => PyOperators.AreEqual(x, y))), PyKeyComparer.Instance),
                    "^" => new HashSet<object?>(a.Where(x => !items.Any(y => PyOperators.AreEqual(x, y))).Concat(items.Where(y => !a.Any(x => PyOperators.AreEqual(x, y)))), PyKeyComparer.Instance),
                    _ => new OpaqueValue(op),
                },
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
            // A concatenation copies both operands: charged to the body's work budget, so a
            // doubling loop (s = s + s) stops there instead of exhausting memory.
            if (op == "+" && ConcatenationWork(left, right) is > 0 and long work && !_context.Charge(work))
            {
                left = new OpaqueValue("concatenation over the work budget");
                continue;
            }
            left = (op, left, right) switch
            {
                ("+", long a, long b) => Checked(() => checked(a + b)),
                ("-", long a, long b) => Checked(() => checked(a - b)),
                ("+", double a, double b) => a + b,
                ("-", double a, double b) => a - b,
                ("+", string a, string b) => a + b,
                ("+", PyBytes a, PyBytes b) => new PyBytes([.. a.Value, .. b.Value]),
                ("+", PyTuple a, PyTuple b) => new PyTuple([.. a.Items, .. b.Items]),
                ("+", List<object?> a, List<object?> b) => new List<object?>([.. a, .. b]),
                _ => new OpaqueValue(op),
            };
        }
        return left;
    }

    /// <summary>The items <c>left + right</c> copies (0 when it is not a sequence concatenation).</summary>
    internal static long ConcatenationWork(object? left, object? right) => (left, right) switch
    {
        (string a, string b) => (long)a.Length + b.Length,
        (PyBytes a, PyBytes b) => (long)a.Value.Length + b.Value.Length,
        (PyTuple a, PyTuple b) => (long)a.Count + b.Count,
        (List<object?> a, List<object?> b) => (long)a.Count + b.Count,
        (List<object?> a, PyTuple b) => (long)a.Count + b.Count,
        _ => 0,
    };

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
                // Sizes compared by division: n * length overflowed, and an empty sequence times a
                // huge n reached Enumerable.Repeat with a negative count (found by fuzzing:
                // "[] * 9223372036854775807" threw ArgumentOutOfRangeException).
                // The result's items are charged to the body's work budget (open item 10).
                ("*", string s, long n) when n > 0 && s.Length > 0 && n < 1_000_000 / s.Length && !_context.Charge(n * s.Length) => new OpaqueValue("string over the work budget"),
                ("*", List<object?> l, long n) when n > 0 && l.Count > 0 && n < 100_000 / l.Count && !_context.Charge(n * l.Count) => new OpaqueValue("list over the work budget"),
                ("*", string s, long n) => n <= 0 || s.Length == 0 ? "" : (n < 1_000_000 / s.Length ? string.Concat(Enumerable.Repeat(s, (int)n)) : new OpaqueValue("big string")),
                ("*", List<object?> l, long n) => n <= 0 || l.Count == 0 ? new List<object?>() : (n < 100_000 / l.Count ? Enumerable.Repeat(l, (int)n).SelectMany(x => x).ToList() : new OpaqueValue("big list")),
                ("//", long a, long b) when b != 0 => FloorDiv(a, b),
                ("%", long a, long b) when b != 0 => a - (FloorDiv(a, b) * b),
                _ => new OpaqueValue(op),
            };
        }
        return left;
    }

    private static long FloorDiv(long a, long b) => (a / b) - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);

    // Every recursion through an atom (brackets, calls) passes here, as do unary chains and '**'.
    private object? ParseFactor()
    {
        EnterNesting();
        try
        {
            return ParseFactorNested();
        }
        finally
        {
            _nesting--;
        }
    }

    private object? ParseFactorNested()
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
}

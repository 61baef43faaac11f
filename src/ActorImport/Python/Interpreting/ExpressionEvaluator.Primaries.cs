using ActorImport.Python.Interpreting.Values;
using ActorImport.Python.Tokenizing;

namespace ActorImport.Python.Interpreting;

/// <summary>Primaries of <see cref="ExpressionEvaluator"/>: calls, attribute reads, subscripts and slices.</summary>
internal sealed partial class ExpressionEvaluator
{
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
                value = _dryRun > 0 ? DryAttribute(value, name) : _context.GetAttribute(value, name);
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

    /// <summary>
    /// A call's arguments, in order: positional ones, <c>*iterable</c> spliced when its items are
    /// known, <c>name=value</c>, <c>**mapping</c> merged when its keys are known strings. When
    /// an argument cannot be evaluated the call is not made (the context decides whether that
    /// is worth a report).
    /// </summary>
    /// <summary>An attribute read in a branch Python would not evaluate: its value if known, never its exception.</summary>
    private object? DryAttribute(object? value, string name)
    {
        if (value is OpaqueValue)
        {
            return value;
        }
        try
        {
            return _context.GetAttribute(value, name);
        }
        catch (Model.PythonException)
        {
            return new OpaqueValue($"<attribute {name} not evaluated>");
        }
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
            int forAt = TopLevelFor(_pos, close);
            if (forAt > _pos)
            {
                // f(x for x in items): the generator expression is the only argument.
                args.Add(Comprehension(ComprehensionKind.Generator, _pos, forAt, close));
                _pos = close;
            }
            while (!AtEnd)
            {
                if (AcceptOp("**"))
                {
                    if (ParseExpression() is Dictionary<object, object?> mapping && mapping.Keys.All(k => k is string))
                    {
                        foreach (var (key, value) in mapping)
                        {
                            keywords[(string)key] = value;
                        }
                    }
                    else
                    {
                        evaluable = false;
                    }
                }
                else if (AcceptOp("*"))
                {
                    object? spliced = ParseExpression();
                    if (Iteration.Items(spliced) is { } items)
                    {
                        args.AddRange(items);
                    }
                    else
                    {
                        evaluable = false;
                    }
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
        if (_dryRun > 0)
        {
            return new OpaqueValue("call");
        }
        return evaluable ? _context.Call(callee, args, keywords, line) : _context.CallWithUnknownArguments(callee, line);
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
}

using ActorImport.Python.Interpreting.Values;
using ActorImport.Python.Tokenizing;

namespace ActorImport.Python.Interpreting;

/// <summary>Atoms of <see cref="ExpressionEvaluator"/>: names, literals, strings, parenthesised forms and displays.</summary>
internal sealed partial class ExpressionEvaluator
{
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
                if (_comprehensionScopes.Count > 0 && TryComprehensionVariable(t.Text, out object? variable))
                {
                    return variable;
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
            if (part is OpaqueValue && _dryRun == 0 && Parsing.FStringNames.IsFString(Current.Text))
            {
                part = FormattedString.Evaluate(Current.Text, tokens => Evaluate(tokens, _context, _comprehensionScopes));
            }
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
            int forAt = TopLevelFor(_pos, close);
            result = forAt > _pos ? open switch
            {
                "(" => Comprehension(ComprehensionKind.Generator, _pos, forAt, close),
                "[" => Comprehension(ComprehensionKind.List, _pos, forAt, close),
                _ => Comprehension(TopLevelColon(_pos, forAt) ? ComprehensionKind.Dict : ComprehensionKind.Set, _pos, forAt, close),
            } : open switch
            {
                "(" => ParseParenthesised(),
                "[" => ParseList(),
                _ => ParseDictOrSet(),
            };
            if (forAt > _pos)
            {
                _pos = close;
            }
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

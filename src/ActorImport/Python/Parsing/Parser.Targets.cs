using System.Collections.Immutable;
using ActorImport.Python.Syntax;
using ActorImport.Python.Tokenizing;

namespace ActorImport.Python.Parsing;

// Assignment targets: taken apart far enough to know what they bind.
internal sealed partial class Parser
{
    /// <summary>
    /// The target written as tokens [start, end): a comma list or bracketed list is a sequence,
    /// <c>*t</c> a starred target, a trailing <c>[…]</c> a subscript, a trailing <c>.name</c>
    /// an attribute, a lone name a name. Anything else cannot be assigned to.
    /// </summary>
    private Target MakeTarget(int start, int end)
    {
        Expression whole = MakeExpression(start, end);
        Token first = _tokens[start];
        Token last = _tokens[end - 1];
        if (end - start == 1 && first.Kind == TokenKind.Name && !Keywords.IsKeyword(first.Text))
        {
            return new NameTarget(whole, first.Text); // the common case, before any searching
        }
        List<int> commas = TopLevelCommas(start, end);
        if (commas.Count > 0)
        {
            return new SequenceTarget(whole, MakeTargets(start, end, commas), IsList: false);
        }
        if (first is { Kind: TokenKind.Op, Text: "*" })
        {
            return new StarredTarget(whole, MakeTarget(start + 1, end));
        }
        if (end - start == 1 && first.Kind == TokenKind.Name)
        {
            if (Keywords.IsKeyword(first.Text))
            {
                throw Error(Keywords.IsConstant(first.Text) ? $"cannot assign to {first.Text}" : "invalid syntax", first);
            }
            return new NameTarget(whole, first.Text);
        }
        if (first.Kind == TokenKind.Op && first.Text is "(" or "[" && MatchingClose(start) == end - 1)
        {
            bool isList = first.Text == "[";
            List<int> inner = TopLevelCommas(start + 1, end - 1);
            if (!isList && inner.Count == 0 && end - start > 2)
            {
                return MakeTarget(start + 1, end - 1); // '(a)' is just 'a'
            }
            ImmutableArray<Target> elements = end - start == 2 ? [] : MakeTargets(start + 1, end - 1, inner);
            return new SequenceTarget(whole, elements, isList);
        }
        if (last is { Kind: TokenKind.Op, Text: "]" })
        {
            int open = MatchingOpen(end - 1);
            if (open > start)
            {
                return new SubscriptTarget(whole, MakeExpression(start, open), MakeExpression(open + 1, end - 1, isSlice: true));
            }
        }
        if (last.Kind == TokenKind.Name && end - start >= 3 && IsOp(end - 2, "."))
        {
            return new AttributeTarget(whole, MakeExpression(start, end - 2), last.Text);
        }
        throw Error(CannotAssignMessage(start, end), first);
    }

    /// <summary>The elements of a comma-separated target list (a trailing comma adds nothing).</summary>
    private ImmutableArray<Target> MakeTargets(int start, int end, List<int> commas)
    {
        var elements = ImmutableArray.CreateBuilder<Target>(commas.Count + 1);
        int elementStart = start;
        foreach (int comma in commas)
        {
            if (comma == elementStart)
            {
                throw Error("invalid syntax", _tokens[comma]);
            }
            elements.Add(MakeTarget(elementStart, comma));
            elementStart = comma + 1;
        }
        if (elementStart < end)
        {
            elements.Add(MakeTarget(elementStart, end));
        }
        return elements.ToImmutable();
    }

    /// <summary>Indices of the commas in [start, end) outside any brackets (and outside lambda parameter lists).</summary>
    private List<int> TopLevelCommas(int start, int end)
    {
        var commas = new List<int>();
        int i = start;
        while (true)
        {
            int stop = ScanEnd(i, Stops.Comma, end);
            if (stop >= end || !IsOp(stop, ","))
            {
                return commas;
            }
            commas.Add(stop);
            i = stop + 1;
        }
    }

    /// <summary>The index of the bracket that closes the one at <paramref name="open"/>.</summary>
    private int MatchingClose(int open)
    {
        int depth = 0;
        for (int i = open; i < _tokens.Length; i++)
        {
            Token token = _tokens[i];
            if (token.Kind != TokenKind.Op)
            {
                if (token.Kind is TokenKind.Newline or TokenKind.EndMarker)
                {
                    break;
                }
                continue;
            }
            if (token.Text is "(" or "[" or "{")
            {
                depth++;
            }
            else if (token.Text is ")" or "]" or "}" && --depth == 0)
            {
                return i;
            }
        }
        throw Error($"'{_tokens[open].Text}' was never closed", _tokens[open]);
    }

    /// <summary>The index of the bracket that opens the one closing at <paramref name="close"/>.</summary>
    private int MatchingOpen(int close)
    {
        int depth = 0;
        for (int i = close; i >= 0; i--)
        {
            Token token = _tokens[i];
            if (token.Kind != TokenKind.Op)
            {
                continue;
            }
            if (token.Text is ")" or "]" or "}")
            {
                depth++;
            }
            else if (token.Text is "(" or "[" or "{" && --depth == 0)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>CPython's wording for the commonest things that are not targets.</summary>
    private string CannotAssignMessage(int start, int end)
    {
        Token first = _tokens[start];
        Token last = _tokens[end - 1];
        if (last is { Kind: TokenKind.Op, Text: ")" } && MatchingOpen(end - 1) > start)
        {
            return "cannot assign to function call here. Maybe you meant '==' instead of '='?";
        }
        if (end - start == 1)
        {
            return first.Kind switch
            {
                TokenKind.Number or TokenKind.String => "cannot assign to literal here. Maybe you meant '==' instead of '='?",
                _ => "invalid syntax",
            };
        }
        return "cannot assign to expression here. Maybe you meant '==' instead of '='?";
    }
}

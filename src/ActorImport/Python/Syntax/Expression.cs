using System.Collections.Immutable;
using System.Text;
using ActorImport.Python.Tokenizing;

namespace ActorImport.Python.Syntax;

/// <summary>
/// An expression kept as the span of tokens it was written with, not as a tree: the import-level
/// interpreter evaluates the few forms it understands (conditions, literals, calls of known
/// functions) from the tokens itself. Besides the span the parser records which names the
/// expression reads, so that the interpreter knows which module-level names (and so which
/// PEP 810 lazy bindings) evaluating it would touch.
/// Immutable (the token array is never written after parsing); safe to share between threads.
/// </summary>
public sealed class Expression
{
    private readonly Token[] _tokens;

    internal Expression(Token[] tokens, int start, int end, ImmutableArray<string> names, ImmutableArray<string> assignedNames)
    {
        if (start < 0 || end <= start || end > tokens.Length)
        {
            throw new InvalidOperationException($"Expected a non-empty token range inside 0..{tokens.Length}, got {start}..{end}.");
        }
        _tokens = tokens;
        Start = start;
        End = end;
        Names = names;
        AssignedNames = assignedNames;
    }

    /// <summary>Index of the first token in <see cref="ModuleCode.Tokens"/>.</summary>
    public int Start { get; }

    /// <summary>Index one past the last token in <see cref="ModuleCode.Tokens"/>.</summary>
    public int End { get; }

    /// <summary>The expression's tokens (comments and non-logical newlines removed).</summary>
    public ReadOnlySpan<Token> Tokens => _tokens.AsSpan(Start, End - Start);

    /// <summary>
    /// Names the expression reads, distinct, in order of first appearance: Name tokens that are
    /// not keywords, not attribute names after <c>.</c>, not keyword-argument names, not lambda
    /// parameters. Comprehension variables are included (harmless: over-reporting only makes a
    /// lazy binding resolve earlier). Names read in f-string replacement fields are included;
    /// <c>:=</c> inside an f-string is not seen.
    /// </summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>Names bound by assignment expressions (<c>name := value</c>) inside this expression.</summary>
    public ImmutableArray<string> AssignedNames { get; }

    /// <summary>Where the expression starts (1-based line, 0-based column).</summary>
    public SourcePosition Position => _tokens[Start].Start;

    public int Line => Position.Line;

    public int Column => Position.Column;

    /// <summary>True if the expression is exactly one token.</summary>
    public bool IsSingleToken => End - Start == 1;

    /// <summary>
    /// The source text, rebuilt from the tokens: one space where the source had white space
    /// between two tokens (or a line break inside brackets), none otherwise.
    /// </summary>
    public string Text
    {
        get
        {
            var text = new StringBuilder();
            for (int i = Start; i < End; i++)
            {
                if (i > Start && _tokens[i].Start != _tokens[i - 1].End)
                {
                    text.Append(' ');
                }
                text.Append(_tokens[i].Text);
            }
            return text.ToString();
        }
    }

    public override string ToString() => Text;
}

namespace ActorImport.Python.Tokenizing;

/// <summary>
/// A place in the source as <c>tokenize</c> reports it: 1-based line, 0-based column counted
/// in characters (code points) of the decoded line. Immutable.
/// </summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public override string ToString() => $"({Line},{Column})";
}

/// <summary>
/// One token: its type, its exact source text and where it starts and ends (end exclusive),
/// equal to the (type, string, start, end) of CPython's <c>tokenize.TokenInfo</c>. Immutable.
/// </summary>
public readonly record struct Token(TokenKind Kind, string Text, SourcePosition Start, SourcePosition End)
{
    /// <summary>True for an <see cref="TokenKind.Op"/> token spelled <paramref name="op"/>.</summary>
    public bool IsOp(string op) => Kind == TokenKind.Op && Text == op;

    /// <summary>True for a <see cref="TokenKind.Name"/> token spelled <paramref name="name"/> (keywords included).</summary>
    public bool IsName(string name) => Kind == TokenKind.Name && Text == name;

    public override string ToString() => $"{Kind} {Text.Replace("\n", "\\n")} {Start}-{End}";
}

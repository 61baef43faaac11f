namespace ActorImport.Python.Tokenizing;

/// <summary>
/// The token types of CPython's <c>tokenize</c> module (ENCODING is never emitted: the text is
/// already decoded). Keywords are <see cref="Name"/> tokens; every operator and bracket is an
/// <see cref="Op"/> token whose <see cref="Token.Text"/> is the exact operator.
/// </summary>
public enum TokenKind
{
    EndMarker,
    Name,
    Number,
    String,

    /// <summary>The end of a logical line (statement).</summary>
    Newline,
    Indent,
    Dedent,
    Op,
    Comment,

    /// <summary>A line break that ends no statement: blank lines, comment lines, inside brackets.</summary>
    NL,
}

using System.Collections.Immutable;
using ActorImport.Python.Tokenizing;

namespace ActorImport.Python.Syntax;

/// <summary>
/// A parsed <c>.py</c> file: its statements in order, the docstring, and the token array all
/// <see cref="Expression"/> spans point into (comments and non-logical newlines removed).
/// Immutable; safe to share between threads and to cache.
/// </summary>
public sealed class ModuleCode
{
    private readonly Token[] _tokens;

    internal ModuleCode(string fileName, Token[] tokens, ImmutableArray<Statement> body)
    {
        FileName = fileName;
        _tokens = tokens;
        Body = body;
        Docstring = FindDocstring(body);
    }

    public string FileName { get; }

    /// <summary>The module's statements.</summary>
    public ImmutableArray<Statement> Body { get; }

    /// <summary>
    /// The token text of the first statement when it is a lone string literal (still quoted,
    /// with any prefix: the interpreter decodes literals), else <c>null</c>. Implicitly
    /// concatenated literals give the text of all parts separated by a space.
    /// </summary>
    public string? Docstring { get; }

    /// <summary>The significant tokens of the file (what expression spans index).</summary>
    public ReadOnlySpan<Token> Tokens => _tokens;

    private static string? FindDocstring(ImmutableArray<Statement> body)
    {
        if (body.IsEmpty || body[0] is not ExpressionStatement { Value: var value })
        {
            return null;
        }
        foreach (Token token in value.Tokens)
        {
            // Only str literals make a docstring: not bytes, not f-strings.
            int quote = token.Text.IndexOfAny(['\'', '"']);
            if (token.Kind != TokenKind.String || token.Text.AsSpan(0, Math.Max(quote, 0)).IndexOfAny("bBfF") >= 0)
            {
                return null;
            }
        }
        return value.Text;
    }
}

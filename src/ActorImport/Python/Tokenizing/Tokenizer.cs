namespace ActorImport.Python.Tokenizing;

/// <summary>
/// Tokenizes Python source the way CPython 3.11's <c>tokenize</c> module does (without its
/// ENCODING token). Stateless; safe from any thread.
/// </summary>
public static class Tokenizer
{
    /// <summary>All tokens of <paramref name="source"/>, ending with ENDMARKER.</summary>
    /// <param name="source">Decoded text (a leading byte order mark is skipped).</param>
    /// <param name="fileName">The file name that errors report.</param>
    /// <exception cref="Model.PythonSyntaxError">
    /// CPython's SyntaxError, IndentationError or TabError (see its <c>TypeName</c>), naming the
    /// file, line and 1-based column.
    /// </exception>
    public static IReadOnlyList<Token> Tokenize(string source, string fileName)
    {
        var scanner = new TokenScanner(source, fileName);
        var tokens = new List<Token>(source.Length / 5 + 8);
        while (scanner.MoveNext(out Token token))
        {
            tokens.Add(token);
        }
        return tokens;
    }
}

using System.Buffers;
using ActorImport.Loading;

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
        // Fill a buffer, then copy into an array of the exact size: no over-allocation lives on.
        // Small buffers come from the shared pool; big ones do not, because the pool keeps what
        // is returned to it for the life of the process (a 50 MB source kept a 537 MB buffer).
        Token[] buffer = RentBuffer(Math.Min(source.Length / 5 + 8, MaxPooledTokens));
        int count = 0;
        try
        {
            while (scanner.MoveNext(out Token token))
            {
                if (count == buffer.Length)
                {
                    Token[] larger = RentBuffer(buffer.Length * 2);
                    buffer.AsSpan().CopyTo(larger);
                    ReturnBuffer(buffer);
                    buffer = larger;
                }
                buffer[count++] = token;
            }
            return buffer.AsSpan(0, count).ToArray();
        }
        finally
        {
            ReturnBuffer(buffer);
        }
    }

    /// <summary>The largest token buffer taken from and given back to the shared pool (2 MB of tokens).</summary>
    private const int MaxPooledTokens = 1 << 16;

    private static Token[] RentBuffer(int length) =>
        length <= MaxPooledTokens ? ArrayPool<Token>.Shared.Rent(length) : new Token[length];

    private static void ReturnBuffer(Token[] buffer)
    {
        if (buffer.Length <= MaxPooledTokens)
        {
            ArrayPool<Token>.Shared.Return(buffer, clearArray: true);
        }
    }

    /// <summary>
    /// All tokens of a source file's bytes, decoded as the import system decodes them
    /// (<see cref="SourceDecoder.DecodeSource"/>: PEP 263 cookie or BOM, then universal newlines).
    /// </summary>
    /// <exception cref="Model.PythonSyntaxError">A bad encoding declaration, or as <see cref="Tokenize(string, string)"/>.</exception>
    /// <exception cref="Model.PythonException"><c>UnicodeDecodeError</c>: bytes the declared encoding cannot decode (as <c>importlib.util.decode_source</c> raises).</exception>
    public static IReadOnlyList<Token> Tokenize(byte[] source, string fileName) =>
        Tokenize(SourceDecoder.DecodeSource(source), fileName);
}

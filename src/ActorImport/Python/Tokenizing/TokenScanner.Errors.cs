using ActorImport.Model;

namespace ActorImport.Python.Tokenizing;

/// <summary>SyntaxError, IndentationError and TabError with CPython's messages and positions.</summary>
public sealed partial class TokenScanner
{
    /// <summary>An error on the current line; <paramref name="offset"/> is 1-based, as <c>SyntaxError.offset</c>.</summary>
    private PythonSyntaxError Error(string message, int offset, string typeName = "SyntaxError") =>
        new(message, _fileName, _line, offset, LineText(_lineStart), typeName);

    /// <summary>An error at <paramref name="index"/> on the current line.</summary>
    private PythonSyntaxError ErrorAt(string message, int index) => Error(message, ColumnOf(index) + 1);

    private PythonSyntaxError ErrorAt(string message, SourcePosition at, int lineStart) =>
        new(message, _fileName, at.Line, at.Column + 1, LineText(lineStart));

    private PythonSyntaxError TabError() =>
        Error("inconsistent use of tabs and spaces in indentation", 1, "TabError");

    /// <summary>
    /// A character that starts no token: CPython names printable non-ASCII characters, shows
    /// non-printable ones by code point, and reports stray ASCII (<c>$ ? ! `</c>) as invalid syntax.
    /// </summary>
    private PythonSyntaxError InvalidCharacter(int p)
    {
        int codePoint = IdentifierChars.CodePointAt(_source, p, out _);
        if (codePoint < 0x80 && codePoint >= 0x20 && codePoint != 0x7F)
        {
            return ErrorAt("invalid syntax", p);
        }
        if (!IdentifierChars.IsPrintable(codePoint))
        {
            return ErrorAt($"invalid non-printable character U+{codePoint:X4}", p);
        }
        return ErrorAt($"invalid character '{char.ConvertFromUtf32(codePoint)}' (U+{codePoint:X4})", p);
    }
}

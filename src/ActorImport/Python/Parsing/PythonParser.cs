using ActorImport.Loading;
using ActorImport.Python.Syntax;
using ActorImport.Python.Tokenizing;

namespace ActorImport.Python.Parsing;

/// <summary>
/// Parses Python source into a <see cref="ModuleCode"/>. Errors are
/// <see cref="ActorImport.Model.PythonSyntaxError"/> with CPython's type (<c>SyntaxError</c> or
/// <c>IndentationError</c>), message, file, line and offset where practical.
/// Stateless; safe to call from any thread.
/// </summary>
/// <remarks>
/// Function bodies are parsed like any block, so the imports inside them are known (flagged
/// <c>IsInFunction</c>: deferred imports that the interpreter records but does not run). Class
/// bodies are parsed here and executed later by the interpreter, when the <c>class</c> runs.
/// </remarks>
public static class PythonParser
{
    /// <summary>
    /// Parses a source file's bytes, decoded as the import system's <c>compile(source_bytes, path)</c>
    /// decodes them (<see cref="CompileSourceDecoder"/>: NUL check, PEP 263 cookie or BOM, universal
    /// newlines, CPython's SyntaxErrors for bad bytes).
    /// </summary>
    /// <exception cref="ActorImport.Model.PythonSyntaxError">A bad encoding declaration, or as <see cref="Parse(string, string)"/>.</exception>
    /// <exception cref="ActorImport.Model.PythonException"><c>UnicodeDecodeError</c>: bytes the declared encoding cannot decode (as <c>importlib.util.decode_source</c> raises).</exception>
    public static ModuleCode Parse(byte[] source, string fileName) =>
        Parse(CompileSourceDecoder.Decode(source, fileName), fileName);

    /// <summary>Tokenizes and parses <paramref name="source"/>.</summary>
    /// <exception cref="ActorImport.Model.PythonSyntaxError">
    /// CPython's SyntaxError, IndentationError or TabError with file, line and offset (deep
    /// bracket nesting is "too many nested parentheses", as CPython's tokenizer says). Nothing else
    /// escapes (fuzzed: tests/ActorImport.Tests/Reliability/FuzzPythonTests.cs).
    /// </exception>
    public static ModuleCode Parse(string source, string fileName) =>
        Parse(Tokenizer.Tokenize(source, fileName), fileName, source);

    /// <summary>Parses already tokenized source; <paramref name="source"/>, when given, fills <c>SyntaxError.text</c>.</summary>
    /// <exception cref="ActorImport.Model.PythonSyntaxError">As <see cref="Parse(string, string)"/>.</exception>
    public static ModuleCode Parse(IReadOnlyList<Token> tokens, string fileName, string? source = null) =>
        new Parser(tokens, fileName, source).ParseModule();
}

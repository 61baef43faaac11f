namespace ActorImport.Model;

/// <summary>
/// Python's <c>SyntaxError</c> (and its subclasses <c>IndentationError</c>, <c>TabError</c>):
/// file name, 1-based line, 1-based offset and the offending source line, as CPython reports them.
/// Immutable; safe to share between threads.
/// </summary>
public sealed class PythonSyntaxError : PythonException
{
    public PythonSyntaxError(string message, string? fileName, int line, int offset, string? text, string typeName = "SyntaxError")
        : base(typeName, message)
    {
        FileName = fileName;
        Line = line;
        Offset = offset;
        Text = text;
    }

    public string? FileName { get; }

    /// <summary>1-based line, as <c>SyntaxError.lineno</c>; 0 when unknown (None).</summary>
    public int Line { get; }

    /// <summary>1-based column, as <c>SyntaxError.offset</c>.</summary>
    public int Offset { get; }

    public string? Text { get; }

    /// <summary>
    /// CPython's <c>lineno</c> is 0 rather than None (a decoding error the tokenizer finds
    /// before reading a line: an unknown or conflicting cookie, a codec failure); <see cref="Line"/>
    /// is 0 either way, and <see cref="Describe"/> then prints <c>line 0</c> as CPython does.
    /// </summary>
    public bool LineIsZero { get; init; }

    /// <summary>
    /// CPython's <c>str(exc)</c> (<c>SyntaxError_str</c>): <c>msg (file, line N)</c> with the file's
    /// base name; <c>msg (file)</c> without a line, <c>msg (line N)</c> without a file, and the bare
    /// message without either. A <see cref="Line"/> of 0 stands for None.
    /// </summary>
    public string Describe()
    {
        string? file = FileName is null ? null : FileName[(FileName.LastIndexOf('/') + 1)..];
        return (file, Line) switch
        {
            (not null, > 0) => $"{Message} ({file}, line {Line})",
            (not null, _) when LineIsZero => $"{Message} ({file}, line 0)",
            (not null, _) => $"{Message} ({file})",
            (null, > 0) => $"{Message} (line {Line})",
            _ => Message,
        };
    }
}

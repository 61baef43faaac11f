namespace ActorImport.Model;

/// <summary>
/// Python's <c>ImportError</c>: carries the module <see cref="Name"/> and file <see cref="Path"/>
/// as CPython's <c>exc.name</c> / <c>exc.path</c>. Immutable; safe to share between threads.
/// </summary>
public class ImportError : PythonException
{
    public ImportError(string message, string? name = null, string? path = null, Exception? inner = null)
        : this("ImportError", message, name, path, inner)
    {
    }

    protected ImportError(string typeName, string message, string? name, string? path, Exception? inner)
        : base(typeName, message, inner)
    {
        Name = name;
        Path = path;
    }

    /// <summary><c>exc.name</c>: the module that could not be imported, or None.</summary>
    public string? Name { get; }

    /// <summary><c>exc.path</c>: the file that triggered the error, or None.</summary>
    public string? Path { get; }
}

/// <summary>Python's <c>ModuleNotFoundError</c> (a subclass of <see cref="ImportError"/>).</summary>
public sealed class ModuleNotFoundError : ImportError
{
    public ModuleNotFoundError(string message, string? name = null, string? path = null)
        : base("ModuleNotFoundError", message, name, path, null)
    {
    }

    /// <summary>CPython's text for a name that no finder could locate.</summary>
    public static ModuleNotFoundError NoModuleNamed(string name) => new($"No module named '{name}'", name);
}

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
            (not null, _) => $"{Message} ({file})",
            (null, > 0) => $"{Message} (line {Line})",
            _ => Message,
        };
    }
}

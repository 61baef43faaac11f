using ActorImport.Model;

namespace ActorImport.Python.Interpreting;

/// <summary>
/// An uncaught exception as CPython's <c>sys.excepthook</c> (<c>PyErr_Display</c>) prints it on
/// standard error: "Traceback (most recent call last):", one <c>File "…", line N, in NAME</c>
/// entry per frame the exception left (outermost first) with the source line stripped, then the
/// final <c>Type: message</c> line (<c>module.Qualname</c> for a class a body defined outside
/// <c>__main__</c>). A <see cref="PythonSyntaxError"/> adds its own location, text and caret
/// before the final line. CPython 3.11's column carets under traceback lines (<c>~~^^</c>) are
/// not drawn. Stateless; safe from any thread.
/// </summary>
public static class TracebackText
{
    /// <summary>The text CPython prints for <paramref name="exception"/> left uncaught after <paramref name="traceback"/> (outermost first).</summary>
    public static string Format(PythonException exception, IReadOnlyList<TracebackEntry> traceback)
    {
        var text = new System.Text.StringBuilder();
        if (traceback.Count > 0)
        {
            text.Append("Traceback (most recent call last):\n");
            foreach (TracebackEntry entry in traceback)
            {
                text.Append($"  File \"{entry.FileName ?? "<unknown>"}\", line {entry.Line}, in {entry.CodeName}\n");
                if (SourceLine(entry.FileName, entry.Line) is { Length: > 0 } line)
                {
                    text.Append($"    {line}\n");
                }
            }
        }
        if (exception is PythonSyntaxError syntax)
        {
            AppendSyntaxErrorLocation(text, syntax);
        }
        text.Append(FinalLine(exception)).Append('\n');
        return text.ToString();
    }

    /// <summary><c>traceback.format_exception_only</c>'s last line: <c>Type: str(exc)</c>, or the type alone for an empty message.</summary>
    public static string FinalLine(PythonException exception)
    {
        string type = exception.TypeName;
        if (exception is RaisedException raised
            && raised.PythonClass.Namespace.GetAttributeOrDefault("__module__") is string module
            && module is not ("__main__" or "builtins"))
        {
            type = $"{module}.{raised.PythonClass.QualifiedName}";
        }
        return exception.Message.Length == 0 ? type : $"{type}: {exception.Message}";
    }

    /// <summary><c>print_exception</c>'s SyntaxError block: the file and line, the text left-stripped, a caret under the offset.</summary>
    private static void AppendSyntaxErrorLocation(System.Text.StringBuilder text, PythonSyntaxError syntax)
    {
        text.Append($"  File \"{syntax.FileName ?? "<string>"}\"");
        if (syntax.Line > 0)
        {
            text.Append($", line {syntax.Line}");
        }
        text.Append('\n');
        if (syntax.Text is not { } source)
        {
            return;
        }
        string line = source.TrimEnd('\n', '\r');
        string stripped = line.TrimStart(' ', '\t', '\f');
        text.Append($"    {stripped}\n");
        int column = syntax.Offset - 1 - (line.Length - stripped.Length);
        if (column >= 0)
        {
            text.Append($"    {new string(' ', Math.Min(column, stripped.Length))}^\n");
        }
    }

    /// <summary><c>linecache.getline(file, n).strip()</c>, or null when the file cannot be read.</summary>
    private static string? SourceLine(string? fileName, int line)
    {
        if (fileName is null || line < 1)
        {
            return null;
        }
        try
        {
            return File.ReadLines(fileName).Skip(line - 1).FirstOrDefault()?.Trim();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

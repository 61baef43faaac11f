namespace ActorImport.Configuration;

/// <summary>
/// A HOCON document could not be read or resolved. The message starts with
/// <c>file:line:column: </c> so an editor can jump to the spot. Thread-safety: immutable.
/// </summary>
public sealed class HoconException : Exception
{
    public HoconException(string file, int line, int column, string reason)
        : base($"{file}:{line}:{column}: {reason}")
    {
        File = file;
        Line = line;
        Column = column;
        Reason = reason;
    }

    internal HoconException(HoconPosition position, string reason)
        : this(position.File, position.Line, position.Column, reason)
    {
    }

    /// <summary>The file name as the reader was given it (<c>&lt;string&gt;</c> for text sources).</summary>
    public string File { get; }

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column, counted in UTF-16 characters.</summary>
    public int Column { get; }

    /// <summary>The message without the position prefix.</summary>
    public string Reason { get; }
}

namespace ActorImport.Loading.Resources;

/// <summary>Text-mode reading of a whole file's bytes (<c>io.TextIOWrapper(..., newline=None).read()</c>). Pure.</summary>
internal static class TextFile
{
    public static string Decode(byte[] bytes, string encoding)
    {
        string text = PythonCodecs.Decode(bytes, encoding);
        // A whole-file read is final, so a trailing '\r' is a newline too.
        return text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;
    }
}

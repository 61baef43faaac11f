using System.Text;
using ActorImport.Model;

namespace ActorImport.Loading;

/// <summary>
/// Source bytes to text as <c>compile(source_bytes, path, 'exec')</c> does when
/// <c>SourceLoader.get_code</c> compiles a module (CPython 3.11's <c>_Py_SourceAsString</c> and the
/// C tokenizer's <c>decode_str</c>), which reports bad input differently from
/// <see cref="SourceDecoder.DecodeSource"/> (<c>importlib.util.decode_source</c>):
/// <list type="number">
/// <item>Any NUL byte: <c>SyntaxError: source code string cannot contain null bytes</c>, without
/// file or line (checked before anything else).</item>
/// <item>A UTF-8 BOM, then a PEP 263 cookie on line 1, or on line 2 when line 1 is blank or a
/// comment (the cookie line itself need not be UTF-8). An unknown codec is
/// <c>unknown encoding: X</c>; a BOM with another codec is <c>encoding problem: X with BOM</c>; a
/// codec that fails is its <c>UnicodeDecodeError</c> text (position in the whole file). All three
/// carry the file and <c>lineno</c> 0.</item>
/// <item>UTF-8 (the default, or a UTF-8 cookie) is not decoded up front: CPython decodes each
/// token, so bad bytes in a comment pass, and a bad token is
/// <c>(unicode error) 'utf-8' codec can't decode byte 0xNN in position P: reason</c> with the
/// position inside the token's text (a string's content, an identifier), on the token's line
/// (a bytes literal is <c>bytes can only contain ASCII literal characters</c>). This scanner
/// finds strings and comments itself, so unusual token shapes may report another position.</item>
/// </list>
/// The text returned has universal newlines. Pure functions; safe from any thread.
/// </summary>
public static class CompileSourceDecoder
{
    public static string Decode(byte[] source, string? fileName)
    {
        if (Array.IndexOf(source, (byte)0) >= 0)
        {
            throw new PythonSyntaxError("source code string cannot contain null bytes", null, 0, 0, null);
        }
        bool bom = source.AsSpan().StartsWith(PythonCodecs.Utf8Bom);
        int start = bom ? 3 : 0;
        string? cookie = FindCookie(source, start);
        if (cookie is not null && cookie != "utf-8")
        {
            if (PythonCodecs.Lookup(cookie) is null)
            {
                throw LineZero($"unknown encoding: {cookie}", fileName);
            }
            if (bom)
            {
                throw LineZero($"encoding problem: {cookie} with BOM", fileName);
            }
            try
            {
                return SourceDecoder.TranslateNewlines(PythonCodecs.Decode(source, cookie));
            }
            catch (PythonException e) when (e.TypeName == "UnicodeDecodeError")
            {
                throw LineZero(e.Message, fileName);
            }
        }
        byte[] body = start == 0 ? source : source[start..];
        try
        {
            return SourceDecoder.TranslateNewlines(new UTF8Encoding(false, true).GetString(body));
        }
        catch (DecoderFallbackException)
        {
            // Only comments may hold bytes that are not UTF-8 (CPython never decodes them).
            return SourceDecoder.TranslateNewlines(Utf8TokenError(body, fileName) is { } error ? throw error : Encoding.UTF8.GetString(body));
        }
    }

    private static PythonSyntaxError LineZero(string message, string? fileName) =>
        new(message, fileName, 0, -1, null) { LineIsZero = true };

    /// <summary>The cookie (normalised as the C tokenizer's <c>get_normal_name</c>) on line 1, or on line 2 after a blank or comment line 1.</summary>
    private static string? FindCookie(byte[] source, int start)
    {
        int position = start;
        for (int lineNumber = 0; lineNumber < 2 && position < source.Length; lineNumber++)
        {
            int newline = Array.IndexOf(source, (byte)'\n', position);
            int end = newline < 0 ? source.Length : newline + 1;
            string line = Encoding.Latin1.GetString(source, position, end - position);
            position = end;
            var match = System.Text.RegularExpressions.Regex.Match(line, @"\A[ \t\f]*#.*?coding[:=][ \t]*([-A-Za-z0-9_.]+)", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
            if (match.Success)
            {
                return NormalName(match.Groups[1].Value);
            }
            string trimmed = line.TrimStart(' ', '\t', '\f');
            if (!(trimmed.Length == 0 || trimmed[0] is '#' or '\r' or '\n'))
            {
                return null;
            }
        }
        return null;
    }

    private static string NormalName(string original)
    {
        string enc = (original.Length > 12 ? original[..12] : original).ToLowerInvariant().Replace('_', '-');
        if (enc == "utf-8" || enc.StartsWith("utf-8-", StringComparison.Ordinal))
        {
            return "utf-8";
        }
        if (enc is "latin-1" or "iso-8859-1" or "iso-latin-1" || enc.StartsWith("latin-1-", StringComparison.Ordinal)
            || enc.StartsWith("iso-8859-1-", StringComparison.Ordinal) || enc.StartsWith("iso-latin-1-", StringComparison.Ordinal))
        {
            return "iso-8859-1";
        }
        return original;
    }

    /// <summary>
    /// The error of the first token whose bytes are not UTF-8, skipping comments: a string's
    /// content (to its closing quote), else the run of identifier-like bytes around the bad byte.
    /// When every bad byte is in a comment, the bytes are decoded with replacement (CPython never
    /// decodes comments).
    /// </summary>
    private static PythonSyntaxError? Utf8TokenError(byte[] s, string? fileName)
    {
        int line = 1, lineStart = 0, i = 0;
        while (i < s.Length)
        {
            byte b = s[i];
            if (b == '\n')
            {
                line++;
                lineStart = ++i;
                continue;
            }
            if (b == '#')
            {
                while (i < s.Length && s[i] != '\n')
                {
                    i++;
                }
                continue;
            }
            if (b is (byte)'\'' or (byte)'"')
            {
                int prefixStart = i;
                while (prefixStart > lineStart && char.IsAsciiLetter((char)s[prefixStart - 1]))
                {
                    prefixStart--;
                }
                bool isBytes = Encoding.ASCII.GetString(s, prefixStart, i - prefixStart).Contains('b', StringComparison.OrdinalIgnoreCase);
                bool triple = i + 2 < s.Length && s[i + 1] == b && s[i + 2] == b;
                int contentStart = i + (triple ? 3 : 1);
                int j = contentStart;
                int startLine = line;
                while (j < s.Length)
                {
                    if (s[j] == '\\')
                    {
                        j += 2;
                        continue;
                    }
                    if (s[j] == b && (!triple || (j + 2 < s.Length && s[j + 1] == b && s[j + 2] == b)))
                    {
                        break;
                    }
                    if (s[j] == '\n' && !triple)
                    {
                        break;
                    }
                    j++;
                }
                int contentEnd = Math.Min(j, s.Length);
                int endLine = startLine + s.AsSpan(contentStart, contentEnd - contentStart).Count((byte)'\n');
                if (!IsUtf8(s.AsSpan(contentStart, contentEnd - contentStart)))
                {
                    string message = isBytes ? "bytes can only contain ASCII literal characters" : UnicodeError(s[contentStart..contentEnd]);
                    return TokenError(message, fileName, s, endLine, lineStart, contentEnd);
                }
                line = endLine;
                for (int k = contentStart; k < contentEnd; k++)
                {
                    if (s[k] == '\n')
                    {
                        lineStart = k + 1;
                    }
                }
                i = j >= s.Length ? s.Length : j + (triple && s[j] == b ? 3 : s[j] == b ? 1 : 0);
                continue;
            }
            if (b >= 0x80 && !IsUtf8(s.AsSpan(i, Utf8Length(s, i))))
            {
                int tokenStart = i, tokenEnd = i;
                while (tokenStart > lineStart && IsWordByte(s[tokenStart - 1]))
                {
                    tokenStart--;
                }
                while (tokenEnd < s.Length && IsWordByte(s[tokenEnd]))
                {
                    tokenEnd++;
                }
                return TokenError(UnicodeError(s[tokenStart..tokenEnd]), fileName, s, line, lineStart, tokenEnd);
            }
            i++;
        }
        return null;
    }

    private static bool IsWordByte(byte b) => b >= 0x80 || b == '_' || char.IsAsciiLetterOrDigit((char)b);

    /// <summary>Bytes from <paramref name="i"/> to the end of its sequence (or of the line).</summary>
    private static int Utf8Length(byte[] s, int i)
    {
        int end = i + 1;
        while (end < s.Length && end < i + 4 && (s[end] & 0xC0) == 0x80)
        {
            end++;
        }
        return end - i;
    }

    private static bool IsUtf8(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    private static string UnicodeError(byte[] token)
    {
        try
        {
            PythonCodecs.Decode(token, "utf-8");
            return "(unicode error) invalid utf-8";
        }
        catch (PythonException e)
        {
            return "(unicode error) " + e.Message;
        }
    }

    private static PythonSyntaxError TokenError(string message, string? fileName, byte[] s, int line, int lineStart, int tokenEnd)
    {
        int lineEnd = Array.IndexOf(s, (byte)'\n', lineStart);
        string text = Encoding.UTF8.GetString(s, lineStart, (lineEnd < 0 ? s.Length : lineEnd + 1) - lineStart);
        return new PythonSyntaxError(message, fileName, line, Math.Max(1, tokenEnd - lineStart + 1), text);
    }
}

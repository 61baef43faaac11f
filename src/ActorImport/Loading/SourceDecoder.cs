using System.Text;
using System.Text.RegularExpressions;
using ActorImport.Model;

namespace ActorImport.Loading;

/// <summary>
/// Python source bytes to text: <c>tokenize.detect_encoding</c> (PEP 263 cookie in the first two
/// lines, UTF-8 BOM) and <c>importlib.util.decode_source</c> (decode, then universal newlines).
/// Pure functions; safe from any thread.
/// </summary>
public static partial class SourceDecoder
{
    /// <summary>
    /// <c>tokenize.detect_encoding(readline)</c> over <paramref name="source"/>: returns the encoding
    /// name and the lines (split after <c>\n</c>, as <c>BytesIO.readline</c> does) it read.
    /// <list type="number">
    /// <item>A leading UTF-8 BOM is stripped and makes the default <c>utf-8-sig</c>.</item>
    /// <item>A cookie on line 1 wins; otherwise line 2 is read only if line 1 is blank or a comment.</item>
    /// <item>A cookie is normalised like the C tokenizer (<c>utf-8*</c> → <c>utf-8</c>, the Latin-1
    /// spellings → <c>iso-8859-1</c>) and must name a known codec (<c>unknown encoding: x</c>).</item>
    /// <item>A BOM with a non-UTF-8 cookie is <c>encoding problem: utf-8</c>; a BOM with a UTF-8 cookie
    /// gives <c>utf-8-sig</c>.</item>
    /// <item>A line that is not UTF-8 while looking for a cookie is <c>invalid or missing encoding declaration</c>.</item>
    /// </list>
    /// <paramref name="fileName"/>, when given, is named in the messages as CPython does
    /// (<c>… for 'file'</c>). Errors are <see cref="PythonSyntaxError"/>.
    /// </summary>
    public static (string Encoding, IReadOnlyList<byte[]> Lines) DetectEncoding(byte[] source, string? fileName = null)
    {
        int position = 0;
        bool bomFound = false;
        string @default = "utf-8";

        byte[] first = ReadLine(source, ref position);
        if (first.AsSpan().StartsWith(PythonCodecs.Utf8Bom))
        {
            bomFound = true;
            first = first[3..];
            @default = "utf-8-sig";
        }
        if (first.Length == 0)
        {
            return (@default, []);
        }

        string? encoding = FindCookie(first, bomFound, fileName);
        if (encoding is not null)
        {
            return (encoding, [first]);
        }
        if (!BlankLine().IsMatch(Encoding.Latin1.GetString(first)))
        {
            return (@default, [first]);
        }

        byte[] second = ReadLine(source, ref position);
        if (second.Length == 0)
        {
            return (@default, [first]);
        }
        encoding = FindCookie(second, bomFound, fileName);
        if (encoding is not null)
        {
            return (encoding, [first, second]);
        }
        return (@default, [first, second]);
    }

    /// <summary>
    /// <c>importlib.util.decode_source(source_bytes)</c>: decodes with the
    /// <see cref="DetectEncoding"/> result, then translates newlines like
    /// <c>io.IncrementalNewlineDecoder(None, True).decode(text)</c>: <c>\r\n</c> and <c>\r</c>
    /// become <c>\n</c>, and — because that call is not final — a <c>\r</c> at the very end is
    /// held back and dropped, exactly as CPython returns it.
    /// </summary>
    public static string DecodeSource(byte[] sourceBytes)
    {
        (string encoding, _) = DetectEncoding(sourceBytes);
        string text = PythonCodecs.Decode(sourceBytes, encoding);
        return TranslateNewlines(text);
    }

    /// <summary>Universal newlines (<c>IncrementalNewlineDecoder(None, translate=True)</c>, not final).</summary>
    internal static string TranslateNewlines(string text)
    {
        if (text.EndsWith('\r'))
        {
            text = text[..^1];
        }
        if (!text.Contains('\r'))
        {
            return text;
        }
        return text.Replace("\r\n", "\n").Replace('\r', '\n');
    }

    /// <summary><c>BytesIO.readline()</c>: up to and including the next <c>\n</c>; empty at the end.</summary>
    private static byte[] ReadLine(byte[] source, ref int position)
    {
        if (position >= source.Length)
        {
            return [];
        }
        int newline = Array.IndexOf(source, (byte)'\n', position);
        int end = newline < 0 ? source.Length : newline + 1;
        byte[] line = source[position..end];
        position = end;
        return line;
    }

    /// <summary><c>find_cookie(line)</c> of <c>tokenize.detect_encoding</c>.</summary>
    private static string? FindCookie(byte[] line, bool bomFound, string? fileName)
    {
        string lineString;
        try
        {
            lineString = new UTF8Encoding(false, true).GetString(line);
        }
        catch (DecoderFallbackException)
        {
            string message = "invalid or missing encoding declaration";
            if (fileName is not null)
            {
                message = $"{message} for {PythonRepr.Str(fileName)}";
            }
            throw new PythonSyntaxError(message, null, 0, 0, null);
        }

        Match match = Cookie().Match(lineString);
        if (!match.Success)
        {
            return null;
        }
        string encoding = NormalName(match.Groups[1].Value);
        if (PythonCodecs.Lookup(encoding) is null)
        {
            string message = fileName is null
                ? "unknown encoding: " + encoding
                : $"unknown encoding for {PythonRepr.Str(fileName)}: {encoding}";
            throw new PythonSyntaxError(message, null, 0, 0, null);
        }
        if (bomFound)
        {
            if (encoding != "utf-8")
            {
                string message = fileName is null ? "encoding problem: utf-8" : $"encoding problem for {PythonRepr.Str(fileName)}: utf-8";
                throw new PythonSyntaxError(message, null, 0, 0, null);
            }
            encoding += "-sig";
        }
        return encoding;
    }

    /// <summary><c>_get_normal_name</c>: imitates <c>get_normal_name</c> in tokenizer.c (first 12 characters only).</summary>
    private static string NormalName(string original)
    {
        string enc = (original.Length > 12 ? original[..12] : original).ToLowerInvariant().Replace('_', '-');
        if (enc == "utf-8" || enc.StartsWith("utf-8-", StringComparison.Ordinal))
        {
            return "utf-8";
        }
        if (enc is "latin-1" or "iso-8859-1" or "iso-latin-1"
            || enc.StartsWith("latin-1-", StringComparison.Ordinal)
            || enc.StartsWith("iso-8859-1-", StringComparison.Ordinal)
            || enc.StartsWith("iso-latin-1-", StringComparison.Ordinal))
        {
            return "iso-8859-1";
        }
        return original;
    }

    /// <summary><c>cookie_re</c>: <c>^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)</c> with <c>re.ASCII</c>.</summary>
    [GeneratedRegex(@"\A[ \t\f]*#.*?coding[:=][ \t]*([-A-Za-z0-9_.]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Cookie();

    /// <summary><c>blank_re</c>: <c>^[ \t\f]*(?:[#\r\n]|$)</c> over bytes (matched here on their Latin-1 text).</summary>
    [GeneratedRegex(@"\A[ \t\f]*(?:[#\r\n]|\z|(?=\n\z))", RegexOptions.CultureInvariant)]
    private static partial Regex BlankLine();
}

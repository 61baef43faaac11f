using System.Text;
using ActorImport.Model;

namespace ActorImport.Loading;

/// <summary>
/// Maps Python codec names (as a PEP 263 cookie spells them) to strict .NET decoders, the way
/// <c>codecs.lookup</c> resolves aliases: case-insensitive, <c>-</c> and spaces equal to <c>_</c>.
/// Covers the UTF family, ASCII, Latin-1 and the code pages .NET ships (cpNNNN, windows-NNNN,
/// iso-8859-N, koi8, the CJK encodings). Decoders throw on invalid input, as Python's strict
/// error handler does. Stateless (the code-page provider is used directly, never registered
/// process-wide); safe from any thread.
/// </summary>
public static class PythonCodecs
{
    /// <summary>A strict decoder for Python codec <paramref name="name"/>, or null when Python would not know it.</summary>
    public static Encoding? Lookup(string name)
    {
        string key = Normalize(name);
        Encoding? builtin = key switch
        {
            "utf_8" or "utf8" or "u8" or "utf" or "cp65001" or "utf8_ucs2" or "utf8_ucs4" => new UTF8Encoding(false, true),
            "utf_8_sig" => new UTF8Encoding(true, true),
            "latin_1" or "latin1" or "latin" or "l1" or "iso_8859_1" or "iso8859_1" or "8859" or "cp819" or "iso_ir_100" or "csisolatin1" or "iso_latin_1"
                => Encoding.GetEncoding("iso-8859-1", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
            "ascii" or "us_ascii" or "646" or "us" or "iso646_us" or "ansi_x3.4_1968" or "cp367" or "csascii"
                => Encoding.GetEncoding("us-ascii", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
            "utf_16" or "utf16" => new UnicodeEncoding(false, true, true),
            "utf_16_le" or "utf_16le" => new UnicodeEncoding(false, false, true),
            "utf_16_be" or "utf_16be" => new UnicodeEncoding(true, false, true),
            "utf_32" or "utf32" => new UTF32Encoding(false, true, true),
            "utf_32_le" or "utf_32le" => new UTF32Encoding(false, false, true),
            "utf_32_be" or "utf_32be" => new UTF32Encoding(true, false, true),
            _ => null,
        };
        if (builtin is not null)
        {
            return builtin;
        }
        int? codePage = CodePageOf(key);
        if (codePage is int page)
        {
            try
            {
                return CodePagesEncodingProvider.Instance.GetEncoding(page, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>Python's canonical codec name (as a <c>UnicodeDecodeError</c> names it), e.g. <c>utf-8</c>.</summary>
    public static string CanonicalName(string name) => Normalize(name) switch
    {
        "utf_8" or "utf8" or "u8" or "utf" or "cp65001" => "utf-8",
        "utf_8_sig" => "utf-8-sig",
        "latin_1" or "latin1" or "latin" or "l1" or "iso_8859_1" or "iso8859_1" or "8859" or "cp819" or "iso_latin_1" => "latin-1",
        "ascii" or "us_ascii" or "646" or "us" => "ascii",
        string other => other.Replace('_', '-'),
    };

    /// <summary>
    /// Decodes <paramref name="bytes"/> strictly; a failure is Python's <c>UnicodeDecodeError</c>
    /// with its usual text (<c>'utf-8' codec can't decode byte 0xff in position 2: invalid start byte</c>).
    /// </summary>
    public static string Decode(byte[] bytes, string codecName)
    {
        Encoding encoding = Lookup(codecName) ?? throw new PythonException("LookupError", $"unknown encoding: {codecName}");
        try
        {
            ReadOnlySpan<byte> span = bytes;
            string key = Normalize(codecName);
            if (key == "utf_8_sig" && span.StartsWith(Utf8Bom))
            {
                span = span[3..];
            }
            else if (key is "utf_16" or "utf16" or "utf_32" or "utf32")
            {
                // Python's BOM-sniffing codecs: the BOM picks the byte order and is dropped; little-endian without one.
                bool wide = key.Contains("32", StringComparison.Ordinal);
                ReadOnlySpan<byte> bigBom = wide ? [0x00, 0x00, 0xFE, 0xFF] : [0xFE, 0xFF];
                ReadOnlySpan<byte> littleBom = wide ? [0xFF, 0xFE, 0x00, 0x00] : [0xFF, 0xFE];
                bool big = span.StartsWith(bigBom);
                if (big || span.StartsWith(littleBom))
                {
                    span = span[(wide ? 4 : 2)..];
                }
                encoding = wide ? new UTF32Encoding(big, false, true) : new UnicodeEncoding(big, false, true);
            }
            return encoding.GetString(span);
        }
        catch (DecoderFallbackException e)
        {
            throw DecodeError(bytes, codecName, e);
        }
    }

    internal static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static PythonException DecodeError(byte[] bytes, string codecName, DecoderFallbackException e)
    {
        string codec = CanonicalName(codecName);
        int position = Math.Max(0, e.Index);
        byte bad = e.BytesUnknown is { Length: > 0 } unknown ? unknown[0] : position < bytes.Length ? bytes[position] : (byte)0;
        string reason = codec switch
        {
            "ascii" => "ordinal not in range(128)",
            "utf-8" or "utf-8-sig" => Utf8Reason(bytes, position),
            _ => "illegal multibyte sequence",
        };
        return new PythonException("UnicodeDecodeError", $"'{codec}' codec can't decode byte 0x{bad:x2} in position {position}: {reason}");
    }

    private static string Utf8Reason(byte[] bytes, int position)
    {
        if (position >= bytes.Length)
        {
            return "unexpected end of data";
        }
        byte lead = bytes[position];
        int needed = lead switch
        {
            >= 0xC2 and <= 0xDF => 1,
            >= 0xE0 and <= 0xEF => 2,
            >= 0xF0 and <= 0xF4 => 3,
            _ => -1,
        };
        if (needed < 0)
        {
            return "invalid start byte";
        }
        for (int i = 1; i <= needed; i++)
        {
            if (position + i >= bytes.Length)
            {
                return "unexpected end of data";
            }
            if ((bytes[position + i] & 0xC0) != 0x80)
            {
                return "invalid continuation byte";
            }
        }
        return "invalid continuation byte";
    }

    private static string Normalize(string name) =>
        name.Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_');

    private static int? CodePageOf(string key)
    {
        static int? Number(string text) => int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : null;
        foreach (string prefix in new[] { "cp", "windows_", "ibm" })
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal) && Number(key[prefix.Length..]) is int page)
            {
                return page;
            }
        }
        foreach (string prefix in new[] { "iso_8859_", "iso8859_", "8859_" })
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal) && Number(key[prefix.Length..]) is int part and >= 2 and <= 16)
            {
                return 28590 + part;
            }
        }
        return key switch
        {
            "koi8_r" => 20866,
            "koi8_u" => 21866,
            "shift_jis" or "sjis" or "s_jis" or "shiftjis" => 932,
            "euc_jp" or "eucjp" => 51932,
            "euc_kr" or "euckr" => 51949,
            "gb2312" or "gbk" or "936" => 936,
            "gb18030" => 54936,
            "big5" => 950,
            "mac_roman" or "macroman" or "macintosh" => 10000,
            "latin2" or "l2" => 28592,
            "latin9" or "l9" or "latin_9" => 28605,
            _ => null,
        };
    }
}

using System.Globalization;
using System.Text;
using ActorImport.Python.Interpreting.Values;

namespace ActorImport.Python.Interpreting;

/// <summary>
/// Turns the text of a NUMBER or STRING token into its value: ints as <see cref="long"/> (larger
/// ints and complex numbers are opaque), floats as <see cref="double"/>, strings with their
/// escapes decoded, bytes as <see cref="PyBytes"/>. An f-string with replacement fields is
/// opaque. Stateless; safe from any thread.
/// </summary>
public static class PyLiteral
{
    public static object ParseNumber(string text)
    {
        string t = text.Replace("_", "", StringComparison.Ordinal);
        if (t.EndsWith('j') || t.EndsWith('J'))
        {
            return new OpaqueValue($"complex {text}");
        }
        if (t.Length > 2 && t[0] == '0' && char.ToLowerInvariant(t[1]) is 'x' or 'o' or 'b')
        {
            int radix = char.ToLowerInvariant(t[1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
            try
            {
                return Convert.ToInt64(t[2..], radix) is long v && (radix != 16 || t.Length <= 17) ? v : new OpaqueValue(text);
            }
            catch (Exception e) when (e is OverflowException or FormatException or ArgumentException)
            {
                return new OpaqueValue($"int {text}");
            }
        }
        if (t.All(char.IsAsciiDigit))
        {
            return long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out long value) ? value : new OpaqueValue($"int {text}");
        }
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : new OpaqueValue($"number {text}");
    }

    /// <summary>The value of one STRING token (prefix, quotes and body).</summary>
    public static object ParseString(string text)
    {
        int quoteAt = text.IndexOfAny(['\'', '"']);
        if (quoteAt < 0)
        {
            return new OpaqueValue($"string {text}");
        }
        string prefix = text[..quoteAt].ToLowerInvariant();
        bool raw = prefix.Contains('r');
        bool bytes = prefix.Contains('b');
        bool format = prefix.Contains('f');
        int quoteLength = text.Length - quoteAt >= 6 && text[quoteAt] == text[quoteAt + 1] && text[quoteAt] == text[quoteAt + 2] ? 3 : 1;
        string body = text.Substring(quoteAt + quoteLength, text.Length - quoteAt - 2 * quoteLength);
        string withoutEscapedBraces = format ? body.Replace("{{", "", StringComparison.Ordinal).Replace("}}", "", StringComparison.Ordinal) : body;
        if (format && (withoutEscapedBraces.Contains('{') || withoutEscapedBraces.Contains('}')))
        {
            return new OpaqueValue($"f-string {text}");
        }
        string decoded = raw ? body : Unescape(body, bytes);
        if (format)
        {
            decoded = decoded.Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal);
        }
        return bytes ? new PyBytes(decoded.Select(c => (byte)c).ToArray()) : decoded;
    }

    private static string Unescape(string body, bool bytes)
    {
        if (!body.Contains('\\'))
        {
            return body;
        }
        var sb = new StringBuilder(body.Length);
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (c != '\\' || i + 1 >= body.Length)
            {
                sb.Append(c);
                continue;
            }
            char n = body[++i];
            switch (n)
            {
                case '\n': break;
                case '\r': if (i + 1 < body.Length && body[i + 1] == '\n') { i++; } break;
                case '\\': sb.Append('\\'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'v': sb.Append('\v'); break;
                case 'x': sb.Append(Hex(body, ref i, 2)); break;
                case 'u' when !bytes: sb.Append(Hex(body, ref i, 4)); break;
                case 'U' when !bytes: sb.Append(Hex(body, ref i, 8)); break;
                case >= '0' and <= '7':
                    int value = n - '0';
                    for (int k = 0; k < 2 && i + 1 < body.Length && body[i + 1] is >= '0' and <= '7'; k++)
                    {
                        value = value * 8 + (body[++i] - '0');
                    }
                    sb.Append((char)value);
                    break;
                default: sb.Append('\\').Append(n); break;
            }
        }
        return sb.ToString();
    }

    private static string Hex(string body, ref int i, int digits)
    {
        if (i + digits >= body.Length)
        {
            return "";
        }
        int code = int.Parse(body.AsSpan(i + 1, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        i += digits;
        return char.ConvertFromUtf32(code);
    }
}

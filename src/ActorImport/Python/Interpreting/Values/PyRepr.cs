using System.Globalization;
using System.Text;
using ActorImport.Model;

namespace ActorImport.Python.Interpreting.Values;

/// <summary>Python's <c>repr()</c> of the known values, as error texts need it (<c>%R</c>). Stateless.</summary>
public static class PyRepr
{
    public static string Of(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => double.IsInteger(d) && Math.Abs(d) < 1e16 ? d.ToString("0.0", CultureInfo.InvariantCulture) : d.ToString("R", CultureInfo.InvariantCulture),
        string s => String(s),
        PyBytes b => Bytes(b.Value),
        PyTuple t => t.Count == 1 ? $"({Of(t[0])},)" : $"({string.Join(", ", t.Items.Select(Of))})",
        List<object?> l => $"[{string.Join(", ", l.Select(Of))}]",
        Dictionary<object, object?> d => $"{{{string.Join(", ", d.Select(kv => $"{Of(kv.Key)}: {Of(kv.Value)}"))}}}",
        ModuleObject m => $"<module {String(m.Name)}>",
        _ => value.ToString() ?? "",
    };

    /// <summary><c>repr(str)</c>: single quotes unless the text has a single quote and no double quote.</summary>
    public static string String(string s)
    {
        char quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2).Append(quote);
        foreach (Rune r in s.EnumerateRunes())
        {
            switch (r.Value)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (r.Value == quote)
                    {
                        sb.Append('\\').Append(quote);
                    }
                    else if (r.Value < 0x20 || r.Value == 0x7f)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"\\x{r.Value:x2}");
                    }
                    else
                    {
                        sb.Append(r.ToString());
                    }
                    break;
            }
        }
        return sb.Append(quote).ToString();
    }

    /// <summary><c>repr(bytes)</c>: <c>b'…'</c> with <c>\xNN</c> for non-printable bytes.</summary>
    public static string Bytes(ReadOnlySpan<byte> bytes)
    {
        bool hasSingle = bytes.Contains((byte)'\'');
        char quote = hasSingle && !bytes.Contains((byte)'"') ? '"' : '\'';
        var sb = new StringBuilder("b").Append(quote);
        foreach (byte b in bytes)
        {
            switch (b)
            {
                case (byte)'\\': sb.Append("\\\\"); break;
                case (byte)'\n': sb.Append("\\n"); break;
                case (byte)'\r': sb.Append("\\r"); break;
                case (byte)'\t': sb.Append("\\t"); break;
                default:
                    if (b == quote)
                    {
                        sb.Append('\\').Append(quote);
                    }
                    else if (b < 0x20 || b >= 0x7f)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"\\x{b:x2}");
                    }
                    else
                    {
                        sb.Append((char)b);
                    }
                    break;
            }
        }
        return sb.Append(quote).ToString();
    }
}

using System.Globalization;
using System.Text;

namespace ActorImport.Model;

/// <summary>
/// An object that knows its own Python <c>repr()</c> (a loader class, a <c>_NamespacePath</c>).
/// Implementations must make <see cref="Repr"/> safe to call from any thread.
/// </summary>
public interface IPythonRepr
{
    string Repr();
}

/// <summary>
/// CPython's <c>repr()</c> for the values the import system prints: <c>str</c> (unicode_repr),
/// <c>bytes</c> (bytes_repr), <c>None</c>, <c>bool</c>, integers, lists of strings and objects.
/// Pure functions; safe from any thread.
/// </summary>
public static class PythonRepr
{
    /// <summary>
    /// <c>repr(value)</c>: <c>null</c> → <c>None</c>; strings and byte arrays as CPython quotes
    /// them; <see cref="IPythonRepr"/> and other objects through <see cref="IPythonRepr.Repr"/> or
    /// <see cref="object.ToString"/> (loaders override it with CPython's form, e.g.
    /// <c>&lt;class '_frozen_importlib.BuiltinImporter'&gt;</c>); an object that does not override
    /// it is shown as CPython shows an instance: <c>&lt;Namespace.Type object at 0x…&gt;</c>.
    /// </summary>
    public static string Of(object? value) => value switch
    {
        null => "None",
        string s => Str(s),
        byte[] b => Bytes(b),
        bool flag => flag ? "True" : "False",
        int or long or uint or ulong or short or ushort or byte or sbyte => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        IPythonRepr custom => custom.Repr(),
        List<string> list => List(list),
        string[] array => List(array),
        _ => ObjectRepr(value),
    };

    /// <summary><c>repr(list_of_str)</c>: <c>['a', 'b']</c>.</summary>
    public static string List(IEnumerable<string?> items) => "[" + string.Join(", ", items.Select(Of)) + "]";

    /// <summary>
    /// The default <c>object.__repr__</c> form for <paramref name="value"/> unless its type overrides
    /// <see cref="object.ToString"/>. The "address" is the runtime identity hash: stable for the
    /// object's lifetime, which is all a repr promises.
    /// </summary>
    public static string ObjectRepr(object value)
    {
        string? text = value.ToString();
        Type type = value.GetType();
        if (text is not null && text != type.ToString())
        {
            return text;
        }
        return DefaultObjectRepr(value, type.FullName ?? type.Name);
    }

    /// <summary><c>&lt;qualified.Name object at 0x…&gt;</c> with the object's identity as the address.</summary>
    public static string DefaultObjectRepr(object value, string qualifiedTypeName) =>
        $"<{qualifiedTypeName} object at 0x{(uint)System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(value):x12}>";

    /// <summary>
    /// CPython's <c>unicode_repr</c>: quote choice, escapes, printable non-ASCII kept (the one
    /// implementation of <c>repr(str)</c>; the interpreter's <c>PyRepr</c> uses it). Printable is
    /// judged by .NET's Unicode database, which is newer than 3.11's (Unicode 14.0): a code point
    /// assigned since then is printed here where CPython 3.11 escapes it.
    /// </summary>
    public static string Str(string s)
    {
        char quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2);
        sb.Append(quote);
        for (int i = 0; i < s.Length; i++)
        {
            int cp = s[i];
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                cp = char.ConvertToUtf32(s[i], s[i + 1]);
                i++;
            }
            if (cp == quote || cp == '\\')
            {
                sb.Append('\\').Append((char)cp);
            }
            else if (cp == '\t')
            {
                sb.Append("\\t");
            }
            else if (cp == '\n')
            {
                sb.Append("\\n");
            }
            else if (cp == '\r')
            {
                sb.Append("\\r");
            }
            else if (cp < ' ' || cp == 0x7f)
            {
                sb.Append("\\x").Append(cp.ToString("x2", CultureInfo.InvariantCulture));
            }
            else if (cp < 0x7f)
            {
                sb.Append((char)cp);
            }
            else if (IsPrintable(cp))
            {
                sb.Append(char.ConvertFromUtf32(cp));
            }
            else if (cp <= 0xff)
            {
                sb.Append("\\x").Append(cp.ToString("x2", CultureInfo.InvariantCulture));
            }
            else if (cp <= 0xffff)
            {
                sb.Append("\\u").Append(cp.ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append("\\U").Append(cp.ToString("x8", CultureInfo.InvariantCulture));
            }
        }
        sb.Append(quote);
        return sb.ToString();
    }

    /// <summary>CPython's <c>bytes_repr</c>: <c>b'\x00\r\n'</c>.</summary>
    public static string Bytes(ReadOnlySpan<byte> bytes)
    {
        char quote = bytes.Contains((byte)'\'') && !bytes.Contains((byte)'"') ? '"' : '\'';
        var sb = new StringBuilder(bytes.Length + 3);
        sb.Append('b').Append(quote);
        foreach (byte b in bytes)
        {
            if (b == quote || b == '\\')
            {
                sb.Append('\\').Append((char)b);
            }
            else if (b == '\t')
            {
                sb.Append("\\t");
            }
            else if (b == '\n')
            {
                sb.Append("\\n");
            }
            else if (b == '\r')
            {
                sb.Append("\\r");
            }
            else if (b < ' ' || b >= 0x7f)
            {
                sb.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append((char)b);
            }
        }
        sb.Append(quote);
        return sb.ToString();
    }

    /// <summary>
    /// <c>str.isprintable()</c> for one code point: everything except the categories Cc, Cf,
    /// Cs, Co, Cn, Zl, Zp and Zs (the ASCII space excepted).
    /// </summary>
    private static bool IsPrintable(int codePoint)
    {
        if (codePoint == ' ')
        {
            return true;
        }
        if (codePoint is >= 0xD800 and <= 0xDFFF)
        {
            return false;
        }
        return CharUnicodeInfo.GetUnicodeCategory(codePoint) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.SpaceSeparator => false,
            _ => true,
        };
    }
}

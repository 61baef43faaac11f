namespace ActorImport.Python.Tokenizing;

/// <summary>
/// Numeric literals: the extent tokenize's <c>Number</c> pattern gives them (integers in four
/// bases, floats, exponents, imaginary, single underscores between digits), and CPython's
/// tokenizer errors for malformed ones.
/// </summary>
public sealed partial class TokenScanner
{
    private Token NumberToken(int p)
    {
        int end = ScanNumber(p);
        _pos = end;
        return Make(TokenKind.Number, _names.Get(_source.AsSpan(p, end - p)), p, end);
    }

    /// <summary>Returns the index just past the number starting at <paramref name="p"/> (a digit, or '.' before a digit).</summary>
    private int ScanNumber(int p)
    {
        string s = _source;
        if (s[p] == '0' && p + 1 < s.Length && (s[p + 1] | 0x20) is 'x' or 'o' or 'b')
        {
            return ScanPrefixedInteger(p);
        }
        int e;
        if (s[p] == '.')
        {
            e = ScanDigits(p + 1);
            return EndOfFloat(p, ScanExponent(e));
        }
        e = ScanDigits(p);
        if (e < s.Length && s[e] == '.')
        {
            int fraction = e + 1 < s.Length && IsDigit(s[e + 1]) ? ScanDigits(e + 1) : e + 1;
            return EndOfFloat(p, ScanExponent(fraction));
        }
        int exponent = ScanExponent(e);
        if (exponent > e)
        {
            return EndOfFloat(p, exponent);
        }
        if (e < s.Length && (s[e] | 0x20) == 'j')
        {
            return VerifyEndOfNumber(e + 1, "imaginary", e);
        }
        // Only zeros may follow a leading zero ("0_0" is fine, "0123" is not).
        if (s[p] == '0' && s.AsSpan(p, e - p).IndexOfAnyExcept("0_") >= 0)
        {
            throw ErrorAt("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", p);
        }
        return VerifyEndOfNumber(e, "decimal", p);
    }

    /// <summary>0x, 0o, 0b: at least one digit of the base, each optionally after one underscore.</summary>
    private int ScanPrefixedInteger(int p)
    {
        string s = _source;
        char kind = (char)(s[p + 1] | 0x20);
        (int radix, string name) = kind switch { 'x' => (16, "hexadecimal"), 'o' => (8, "octal"), _ => (2, "binary") };
        int i = p + 2;
        int digits = 0;
        while (true)
        {
            int j = i < s.Length && s[i] == '_' ? i + 1 : i;
            if (j < s.Length && IsDigitOf(s[j], radix))
            {
                i = j + 1;
                digits++;
                continue;
            }
            break;
        }
        if (i < s.Length && radix < 10 && IsDigit(s[i]))
        {
            throw ErrorAt($"invalid digit '{s[i]}' in {name} literal", i);
        }
        if (digits == 0)
        {
            throw ErrorAt($"invalid {name} literal", p + 1);
        }
        return VerifyEndOfNumber(i, name, i);
    }

    /// <summary>A float may end in j (imaginary); either way it must not run into a name.</summary>
    private int EndOfFloat(int p, int e)
    {
        string s = _source;
        if (e < s.Length && (s[e] | 0x20) == 'j')
        {
            return VerifyEndOfNumber(e + 1, "imaginary", e);
        }
        return VerifyEndOfNumber(e, "decimal", p);
    }

    /// <summary>[0-9](_?[0-9])*: stops before an underscore that no digit follows.</summary>
    private int ScanDigits(int i)
    {
        string s = _source;
        i++;
        while (i < s.Length)
        {
            if (IsDigit(s[i]))
            {
                i++;
            }
            else if (s[i] == '_' && i + 1 < s.Length && IsDigit(s[i + 1]))
            {
                i += 2;
            }
            else
            {
                break;
            }
        }
        return i;
    }

    /// <summary>[eE][-+]?digits when present, else <paramref name="e"/> unchanged.</summary>
    private int ScanExponent(int e)
    {
        string s = _source;
        if (e >= s.Length || (s[e] | 0x20) != 'e')
        {
            return e;
        }
        int i = e + 1;
        if (i < s.Length && (s[i] == '+' || s[i] == '-'))
        {
            i++;
        }
        return i < s.Length && IsDigit(s[i]) ? ScanDigits(i) : e;
    }

    /// <summary>
    /// CPython 3.11's verify_end_of_number: a number may touch only the keywords that can follow
    /// one in valid code (and, else, for, if, in, is, not, or); any other name character is an error.
    /// </summary>
    private int VerifyEndOfNumber(int end, string kind, int errorIndex)
    {
        string s = _source;
        if (end >= s.Length)
        {
            return end;
        }
        char c = s[end];
        if (!IdentifierChars.IsAsciiContinue(c))
        {
            return end;   // non-ASCII is left to the next token: CPython reports it there
        }
        ReadOnlySpan<char> rest = s.AsSpan(end);
        if (rest.StartsWith("and") || rest.StartsWith("else") || rest.StartsWith("for") || rest.StartsWith("if")
            || rest.StartsWith("in") || rest.StartsWith("is") || rest.StartsWith("not") || rest.StartsWith("or"))
        {
            return end;
        }
        // CPython points at a stray underscore itself, otherwise where the literal (or its j) starts.
        throw ErrorAt($"invalid {kind} literal", c == '_' ? end : errorIndex);
    }

    private static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    private static bool IsDigitOf(char c, int radix) =>
        radix == 16 ? char.IsAsciiHexDigit(c) : (uint)(c - '0') < (uint)radix;
}

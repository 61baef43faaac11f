using System.Buffers;
using System.Globalization;
using System.Text;

namespace ActorImport.Python.Tokenizing;

/// <summary>
/// Which characters may start or continue a Python identifier (PEP 3131: Unicode XID_Start and
/// XID_Continue, plus <c>_</c>), derived from .NET's Unicode categories. ASCII is decided by
/// a fast path; the rest by category. Stateless; safe from any thread.
/// </summary>
internal static class IdentifierChars
{
    public static bool IsAsciiStart(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || c == '_';

    public static bool IsAsciiContinue(char c) => IsAsciiStart(c) || (uint)(c - '0') <= 9;

    /// <summary>XID_Start: letters, letter numbers and the Other_ID_Start characters.</summary>
    public static bool IsStart(int codePoint)
    {
        if (codePoint < 0x80)
        {
            return IsAsciiStart((char)codePoint);
        }
        if (IsExcludedByNfkc(codePoint) || codePoint is 0x0E33 or 0x0EB3 or 0xFF9E or 0xFF9F)
        {
            return false;
        }
        switch (CharUnicodeInfo.GetUnicodeCategory(codePoint))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.LetterNumber:
                return true;
            default:
                return codePoint is 0x1885 or 0x1886 or 0x2118 or 0x212E;
        }
    }

    /// <summary>XID_Continue: XID_Start plus marks, digits, connector punctuation and Other_ID_Continue.</summary>
    public static bool IsContinue(int codePoint)
    {
        if (codePoint < 0x80)
        {
            return IsAsciiContinue((char)codePoint);
        }
        if (IsExcludedByNfkc(codePoint))
        {
            return false;
        }
        switch (CharUnicodeInfo.GetUnicodeCategory(codePoint))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.ConnectorPunctuation:
                return true;
            default:
                return codePoint is 0x1885 or 0x1886 or 0x2118 or 0x212E or 0x00B7 or 0x0387 or (>= 0x1369 and <= 0x1371) or 0x19DA;
        }
    }

    /// <summary>The code point at <paramref name="index"/> (a surrogate pair read as one) and its length in chars.</summary>
    public static int CodePointAt(string s, int index, out int length)
    {
        if (Rune.DecodeFromUtf16(s.AsSpan(index), out Rune rune, out length) == OperationStatus.Done)
        {
            return rune.Value;
        }
        length = 1;
        return s[index];
    }

    /// <summary>Python's <c>str.isprintable()</c> for one code point.</summary>
    public static bool IsPrintable(int codePoint)
    {
        if (codePoint == ' ')
        {
            return true;
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

    // ID_Start/ID_Continue characters that XID_Continue drops (and so XID_Start too) because their NFKC form is not an identifier.
    private static bool IsExcludedByNfkc(int cp) =>
        cp is 0x037A or 0x309B or 0x309C
            or (>= 0xFC5E and <= 0xFC63) or 0xFDFA or 0xFDFB
            or 0xFE70 or 0xFE72 or 0xFE74 or 0xFE76 or 0xFE78 or 0xFE7A or 0xFE7C or 0xFE7E;
}

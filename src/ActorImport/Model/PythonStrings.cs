using System.Globalization;

namespace ActorImport.Model;

/// <summary>Python <c>str</c> predicates the import helpers rely on. Pure; safe from any thread.</summary>
internal static class PythonStrings
{
    /// <summary><c>str.isalnum()</c>: non-empty and every character a letter or a number.</summary>
    public static bool IsAlnum(string s)
    {
        if (s.Length == 0)
        {
            return false;
        }
        for (int i = 0; i < s.Length; i++)
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(s, i);
            bool alnum = category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
                or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
            if (!alnum)
            {
                return false;
            }
            if (char.IsHighSurrogate(s[i]))
            {
                i++;
            }
        }
        return true;
    }
}

using System.Collections.Frozen;

namespace ActorImport.Python.Parsing;

/// <summary>Python 3.11's hard keywords (<c>keyword.kwlist</c>); soft keywords are ordinary names to the tokenizer and here.</summary>
internal static class Keywords
{
    private static readonly FrozenSet<string> Hard = new[]
    {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
        "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
        "return", "try", "while", "with", "yield",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsKeyword(string name) => Hard.Contains(name);

    /// <summary>Keywords that are values (they end an operand like a name does).</summary>
    public static bool IsConstant(string name) => name is "None" or "True" or "False";

    /// <summary>The augmented-assignment operators.</summary>
    public static bool IsAugmentedAssign(string op) => op is "+=" or "-=" or "*=" or "/=" or "//=" or "%=" or "@="
        or "&=" or "|=" or "^=" or ">>=" or "<<=" or "**=";
}

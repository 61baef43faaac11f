namespace ActorImport.Python.Caching;

/// <summary>
/// The body of this engine's <c>.pyc</c> files (after the 16-byte PEP 552 header): a serialised
/// <see cref="Syntax.ModuleCode"/>. Layout, all integers 7-bit encoded (LEB128) unless noted:
/// <code>
///   "AIMC"  format version (u16 LE)
///   file name (string-table index)
///   string table: count, then UTF-8 strings (length-prefixed)
///   tokens: count, then per token: head byte (kind in bits 0-3; bit 4: same line as the
///           previous token; bit 5: ends on its line at column + text length), text index,
///           [start line delta + 1], start column, [end line delta, end column]
///   body: a statement list
///   statement list: count, then statements; a statement: tag (byte), line, column, fields
///   expression: start, end (token indices), names (count + indices), assigned names (same)
///   optional values: a presence byte (0/1) before them
/// </code>
/// Readers reject any other magic or version (<see cref="InvalidDataException"/>), so a file
/// written by another format version is ignored and rewritten. Constants only; stateless.
/// </summary>
public static class CompiledModuleFormat
{
    /// <summary>Bumped whenever the layout or the statement tree changes.</summary>
    public const ushort FormatVersion = 2;

    public static ReadOnlySpan<byte> Magic => "AIMC"u8;

    internal const byte KindMask = 0x0F;

    internal const byte SameLineFlag = 0x10;

    internal const byte SimpleEndFlag = 0x20;

    /// <summary>The statement tags, in the order of <see cref="Syntax.Statement"/>'s subclasses.</summary>
    internal enum Tag : byte
    {
        Expression = 1,
        Assign,
        AugmentedAssign,
        AnnotatedAssign,
        Delete,
        Pass,
        Break,
        Continue,
        Return,
        Raise,
        Global,
        Nonlocal,
        Assert,
        TypeAlias,
        Import,
        ImportFrom,
        If,
        While,
        For,
        With,
        Try,
        Match,
        FunctionDefinition,
        ClassDefinition,
    }

    /// <summary>The target tags.</summary>
    internal enum TargetTag : byte
    {
        Name = 1,
        Attribute,
        Subscript,
        Sequence,
        Starred,
        Opaque,
    }
}

namespace ActorImport.Python.Caching;

/// <summary>
/// The body of this engine's <c>.pyc</c> files (after the 16-byte PEP 552 header): a serialised
/// <see cref="Syntax.ModuleCode"/>. Layout, all integers 7-bit encoded (LEB128) unless noted:
/// <code>
///   "AIMC"  format version (u16 LE)  checksum (u64 LE: SipHash-1-3 of every byte after it)
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
/// written by another format version is ignored and rewritten, and a body whose checksum does
/// not match: the interpreter trusts the tree it is given (a string token's text is a string
/// literal, an expression's token range lies inside the token table), and a damaged file must
/// not reach it (found by fuzzing: a flipped byte in a token's text threw
/// ArgumentOutOfRangeException from the interpreter). CPython's pyc has no checksum; a damaged
/// one can crash CPython. Constants only; stateless.
/// </summary>
public static class CompiledModuleFormat
{
    /// <summary>Bumped whenever the layout or the statement tree changes.</summary>
    public const ushort FormatVersion = 3;

    /// <summary>The checksum of the bytes after it (fixed keys: it detects damage, it is no signature).</summary>
    internal static ulong Checksum(ReadOnlySpan<byte> data) => Loading.SipHash13.Hash(0x41494D4300000003, 0x636865636B73756D, data);

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

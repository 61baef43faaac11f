namespace ActorImport.Python.Parsing;

/// <summary>
/// Tokens that end an expression when met outside brackets. A newline, a <c>;</c> and a stray
/// closing bracket always end one; these flags add the delimiters of the statement being parsed.
/// A <c>:</c>, <c>=</c> or <c>,</c> that belongs to a <c>lambda</c>'s parameters never ends one.
/// </summary>
[Flags]
internal enum Stops
{
    None = 0,
    Colon = 1 << 0,
    Equals = 1 << 1,
    Comma = 1 << 2,
    AugmentedAssign = 1 << 3,
    As = 1 << 4,
    In = 1 << 5,
    From = 1 << 6,
    If = 1 << 7,
    Arrow = 1 << 8,
}

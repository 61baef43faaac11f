namespace ActorImport.Python.Parsing;

/// <summary>The kind of scope a statement is compiled in (CPython's symbol-table block types).</summary>
internal enum ScopeKind
{
    Module,
    Function,
    Class,
}

/// <summary>
/// Where a statement stands, as far as the parser needs to know: the innermost scope, whether
/// any enclosing scope is a function (its imports are deferred), and whether it is inside a
/// <c>try</c> of the innermost scope. That is exactly what CPython's symbol table consults to
/// place PEP 810 lazy imports (<c>ste_type</c> and <c>ste_in_try_block</c>, which a new scope resets).
/// </summary>
/// <c>InLoop</c> is true in a loop body of the innermost scope (where <c>break</c> and
/// <c>continue</c> may stand), not in the loop's <c>else</c>.
internal readonly record struct BlockContext(ScopeKind Scope, bool InFunction, bool InTry, bool InLoop = false)
{
    public static BlockContext Module => new(ScopeKind.Module, InFunction: false, InTry: false);

    public BlockContext EnterFunction() => new(ScopeKind.Function, InFunction: true, InTry: false);

    public BlockContext EnterClass() => new(ScopeKind.Class, InFunction, InTry: false);

    public BlockContext EnterTry() => this with { InTry = true };

    public BlockContext EnterLoop() => this with { InLoop = true };
}

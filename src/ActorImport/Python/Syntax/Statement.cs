using ActorImport.Python.Tokenizing;

namespace ActorImport.Python.Syntax;

/// <summary>
/// One statement of a module body, as the parser found it. The shapes follow CPython's
/// <c>ast</c> module (an <c>elif</c> is an <see cref="IfStatement"/> inside the
/// <c>orelse</c> of the one before it, <c>a = b = c</c> is one assignment with two targets)
/// so that a reader who knows <c>ast</c> finds every form where they expect it.
/// Every node is immutable; a whole tree is safe to share between threads.
/// </summary>
public abstract record Statement(SourcePosition Position)
{
    /// <summary>1-based line of the statement's first token (a decorator's <c>@</c> for decorated definitions is not it: see <see cref="FunctionDefinition"/>).</summary>
    public int Line => Position.Line;

    /// <summary>0-based column of the statement's first token.</summary>
    public int Column => Position.Column;
}

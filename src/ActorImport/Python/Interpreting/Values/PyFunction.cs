using ActorImport.Model;
using ActorImport.Python.Syntax;

namespace ActorImport.Python.Interpreting.Values;

/// <summary>An import inside a function body, recorded when the <c>def</c> runs. Immutable.</summary>
/// <param name="Module">The module named (for <c>from m import x</c>, <c>m</c>; dots of a relative import are in <paramref name="Level"/>).</param>
/// <param name="Names">The imported names of a from-import; empty for <c>import m</c>.</param>
public sealed record DeferredImport(string Module, int Level, IReadOnlyList<string> Names, int Line, bool IsLazy);

/// <summary>
/// A <c>def</c> (or <c>lambda</c>): the function object a body binds. Calling it at import time
/// runs its body with the same interpreter (see <c>BodyExecution.Calls.cs</c>); the imports in
/// its body are also recorded as <see cref="DeferredImports"/>, for functions nobody calls.
/// Carries what a call needs: the definition, the defining module's namespace (its
/// <c>__globals__</c>), the enclosing function scopes (its closure) and the defaults evaluated
/// when the <c>def</c> ran. Thread-safety: the identity fields are immutable; a call reads the
/// globals (a thread-safe <see cref="ModuleObject"/>) and the closure, which belongs to the
/// execution that created the function — calls happen on the thread that owns that execution.
/// </summary>
public sealed class PyFunction
{
    public PyFunction(string name, string qualifiedName, string module, int line, IReadOnlyList<DeferredImport> deferredImports, bool isAsync = false)
    {
        Name = name;
        QualifiedName = qualifiedName;
        Module = module;
        Line = line;
        DeferredImports = deferredImports;
        IsAsync = isAsync;
        Defaults = new Dictionary<string, object?>(StringComparer.Ordinal);
    }

    public string Name { get; }

    public string QualifiedName { get; }

    /// <summary><c>__module__</c>.</summary>
    public string Module { get; }

    public int Line { get; }

    public bool IsAsync { get; }

    /// <summary>True when the body contains <c>yield</c>: a call returns a generator and runs nothing.</summary>
    public bool IsGenerator { get; init; }

    public IReadOnlyList<DeferredImport> DeferredImports { get; }

    /// <summary>The source file of the definition (reports made while the body runs name it).</summary>
    public string? FileName { get; init; }

    /// <summary>The parameters, in order (empty for a function the interpreter cannot call).</summary>
    public IReadOnlyList<Parameter> Parameters { get; init; } = [];

    /// <summary>The body of a <c>def</c>; empty for a lambda (see <see cref="LambdaBody"/>).</summary>
    public IReadOnlyList<Statement> Body { get; init; } = [];

    /// <summary>The expression of a lambda.</summary>
    public Expression? LambdaBody { get; init; }

    /// <summary>Defaults (<c>__defaults__</c> and <c>__kwdefaults__</c> together), by parameter name, evaluated when the def ran.</summary>
    public IReadOnlyDictionary<string, object?> Defaults { get; init; }

    /// <summary><c>__globals__</c>: the namespace of the module that ran the <c>def</c>; null for a function that cannot be called.</summary>
    public ModuleObject? Globals { get; init; }

    /// <summary>The enclosing function scopes (null for a module-level def).</summary>
    internal Scope? Closure { get; init; }

    /// <summary>The function's own attributes (<c>__dict__</c>: <c>wrapper.register = register</c>).</summary>
    public ModuleObject Attributes { get; } = CreateAttributes();

    private static ModuleObject CreateAttributes()
    {
        var ns = new ModuleObject(string.Empty);
        ns.RemoveAttribute("__name__");
        return ns;
    }

    /// <summary>True if the interpreter can run a call of this function.</summary>
    public bool IsCallable => Globals is not null && (Body.Count > 0 || LambdaBody is not null);

    public override string ToString() => $"<function {QualifiedName}>";
}

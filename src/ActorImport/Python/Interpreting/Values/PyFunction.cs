namespace ActorImport.Python.Interpreting.Values;

/// <summary>An import inside a function body: recorded, not run. Immutable.</summary>
/// <param name="Module">The module named (for <c>from m import x</c>, <c>m</c>; dots of a relative import are in <paramref name="Level"/>).</param>
/// <param name="Names">The imported names of a from-import; empty for <c>import m</c>.</param>
public sealed record DeferredImport(string Module, int Level, IReadOnlyList<string> Names, int Line, bool IsLazy);

/// <summary>
/// A <c>def</c>: the function object a module binds. Its body is not run; the imports in it are
/// recorded as <see cref="DeferredImports"/>. Immutable; safe from any thread.
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
    }

    public string Name { get; }

    public string QualifiedName { get; }

    /// <summary><c>__module__</c>.</summary>
    public string Module { get; }

    public int Line { get; }

    public bool IsAsync { get; }

    public IReadOnlyList<DeferredImport> DeferredImports { get; }

    public override string ToString() => $"<function {QualifiedName}>";
}

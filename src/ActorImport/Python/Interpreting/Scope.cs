using ActorImport.Model;

namespace ActorImport.Python.Interpreting;

/// <summary>
/// The namespaces a statement runs in: the module's (globals); for a class body its own locals;
/// for a function call its own locals plus the function scopes it is nested in (its closure).
/// Reads follow LOAD_NAME / LOAD_DEREF: locals, then the enclosing function scopes (class
/// scopes are skipped, as Python's compiler skips them), then globals, then builtins. Writes go
/// to locals unless the name was declared <c>global</c> (globals) or <c>nonlocal</c> (the
/// nearest enclosing function scope that binds it). Enclosing scopes are shared by reference, so
/// a closure sees later rebindings as a cell would. Owned by one executing body; not shared
/// between threads.
/// </summary>
internal sealed class Scope
{
    private readonly HashSet<string> _globalNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _nonlocalNames = new(StringComparer.Ordinal);

    public Scope(ModuleObject globals, ModuleObject? locals = null, string qualifiedPrefix = "", Scope? enclosing = null, bool isFunction = false)
    {
        Globals = globals;
        Locals = locals ?? globals;
        QualifiedPrefix = qualifiedPrefix;
        Enclosing = enclosing;
        IsFunction = isFunction;
    }

    public ModuleObject Globals { get; }

    public ModuleObject Locals { get; }

    /// <summary>The nearest enclosing function scope (the closure), or null at module level.</summary>
    public Scope? Enclosing { get; }

    /// <summary>True for the locals of a function call.</summary>
    public bool IsFunction { get; }

    /// <summary>True at module level; false inside a class body or a function.</summary>
    public bool IsModule => ReferenceEquals(Globals, Locals);

    /// <summary><c>Outer.</c> inside class <c>Outer</c>, <c>f.&lt;locals&gt;.</c> inside function <c>f</c>; empty at module level.</summary>
    public string QualifiedPrefix { get; }

    /// <summary>The closure a <c>def</c>, <c>class</c> or <c>lambda</c> written here captures.</summary>
    public Scope? ClosureForNested => IsFunction ? this : Enclosing;

    public void DeclareGlobal(string name) => _globalNames.Add(name);

    public void DeclareNonlocal(string name) => _nonlocalNames.Add(name);

    /// <summary>The namespace a write of <paramref name="name"/> goes to.</summary>
    public ModuleObject TargetOf(string name)
    {
        if (_globalNames.Contains(name))
        {
            return Globals;
        }
        if (_nonlocalNames.Contains(name) && Enclosing is not null)
        {
            return Enclosing.FunctionOwnerOf(name) ?? Enclosing.Locals;
        }
        return Locals;
    }

    /// <summary>Where <paramref name="name"/> is bound (locals, enclosing function scopes, globals), or null.</summary>
    public ModuleObject? OwnerOf(string name)
    {
        if (_globalNames.Contains(name))
        {
            return Globals.HasAttribute(name) ? Globals : null;
        }
        if (!_nonlocalNames.Contains(name) && !IsModule && Locals.HasAttribute(name))
        {
            return Locals;
        }
        if (Enclosing?.FunctionOwnerOf(name) is ModuleObject enclosing)
        {
            return enclosing;
        }
        return Globals.HasAttribute(name) ? Globals : null;
    }

    /// <summary>The function scope (this one or an enclosing one) whose locals bind <paramref name="name"/>.</summary>
    private ModuleObject? FunctionOwnerOf(string name)
    {
        for (Scope? scope = this; scope is not null; scope = scope.Enclosing)
        {
            if (scope._globalNames.Contains(name))
            {
                return null;
            }
            if (!scope._nonlocalNames.Contains(name) && scope.Locals.HasAttribute(name))
            {
                return scope.Locals;
            }
        }
        return null;
    }
}

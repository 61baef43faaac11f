using ActorImport.Model;

namespace ActorImport.Python.Interpreting;

/// <summary>
/// The namespaces a statement runs in: the module's (globals), and for a class body its own
/// locals. Name reads follow LOAD_NAME (locals, globals, builtins); writes go to locals unless
/// the name was declared <c>global</c>. Owned by one executing body; not shared.
/// </summary>
internal sealed class Scope
{
    private readonly HashSet<string> _globalNames = new(StringComparer.Ordinal);

    public Scope(ModuleObject globals, ModuleObject? classLocals = null, string qualifiedPrefix = "")
    {
        Globals = globals;
        Locals = classLocals ?? globals;
        QualifiedPrefix = qualifiedPrefix;
    }

    public ModuleObject Globals { get; }

    public ModuleObject Locals { get; }

    /// <summary>True at module level; false inside a class body.</summary>
    public bool IsModule => ReferenceEquals(Globals, Locals);

    /// <summary><c>Outer.</c> inside class <c>Outer</c>; empty at module level.</summary>
    public string QualifiedPrefix { get; }

    public void DeclareGlobal(string name) => _globalNames.Add(name);

    /// <summary>The namespace a write of <paramref name="name"/> goes to.</summary>
    public ModuleObject TargetOf(string name) => _globalNames.Contains(name) ? Globals : Locals;

    /// <summary>Where <paramref name="name"/> is bound (locals, then globals), or null.</summary>
    public ModuleObject? OwnerOf(string name)
    {
        if (!_globalNames.Contains(name) && Locals.HasAttribute(name))
        {
            return Locals;
        }
        return Globals.HasAttribute(name) ? Globals : null;
    }
}

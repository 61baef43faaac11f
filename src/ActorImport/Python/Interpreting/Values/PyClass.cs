using ActorImport.Model;

namespace ActorImport.Python.Interpreting.Values;

/// <summary>
/// A <c>class</c> statement's result: its name, its bases (evaluated values) and the namespace its
/// body filled (the body runs at import time). Thread-safety: the namespace is a
/// <see cref="ModuleObject"/> (each operation atomic); name and bases are immutable.
/// </summary>
public sealed class PyClass
{
    public PyClass(string name, string qualifiedName, IReadOnlyList<object?> bases, ModuleObject namespaceObject)
    {
        Name = name;
        QualifiedName = qualifiedName;
        Bases = bases;
        Namespace = namespaceObject;
    }

    public string Name { get; }

    public string QualifiedName { get; }

    public IReadOnlyList<object?> Bases { get; }

    /// <summary>The <c>metaclass=</c> keyword's value, or null for <c>type</c>.</summary>
    public object? Metaclass { get; init; }

    /// <summary>The class body's namespace (<c>__dict__</c>), without the <c>__name__</c> a module would have.</summary>
    public ModuleObject Namespace { get; }

    /// <summary>
    /// The first built-in exception class this class derives from (walking bases depth-first), or
    /// <c>null</c> when it is not known to be an exception class.
    /// </summary>
    public string? BuiltinExceptionBase()
    {
        foreach (object? b in Bases)
        {
            switch (b)
            {
                case PyExceptionClass e:
                    return e.Name;
                case PyClass c when c.BuiltinExceptionBase() is string found:
                    return found;
            }
        }
        return null;
    }

    /// <summary>True if this class is <paramref name="other"/> or derives from it.</summary>
    public bool IsSubclassOf(PyClass other) =>
        ReferenceEquals(this, other) || Bases.OfType<PyClass>().Any(b => b.IsSubclassOf(other));

    public override string ToString() => $"<class '{QualifiedName}'>";
}

/// <summary>A built-in exception class named in a body (<c>ImportError</c>, <c>ValueError</c>…). Immutable.</summary>
public sealed record PyExceptionClass(string Name)
{
    public override string ToString() => $"<class '{Name}'>";
}

using ActorImport.Model;

namespace ActorImport.Python.Interpreting.Values;

/// <summary>
/// An instance of a class defined in source, created by calling the class at import time
/// (<c>_default = Registry()</c>): its own namespace (<c>__dict__</c>) plus its class.
/// Thread-safety: the namespace is a <see cref="ModuleObject"/> (each operation atomic).
/// </summary>
public sealed class PyInstance(PyClass cls)
{
    public PyClass Class { get; } = cls;

    public ModuleObject Namespace { get; } = CreateNamespace();

    private static ModuleObject CreateNamespace()
    {
        var ns = new ModuleObject(string.Empty);
        ns.RemoveAttribute("__name__");
        return ns;
    }

    public override string ToString() => $"<{Class.QualifiedName} object>";
}

/// <summary>A function read through an instance (or a classmethod through its class): calling it passes <see cref="Self"/> first. Immutable.</summary>
public sealed record PyBoundMethod(object? Self, PyFunction Function)
{
    public override string ToString() => $"<bound method {Function.QualifiedName}>";
}

/// <summary><c>staticmethod(f)</c>, <c>classmethod(f)</c> or <c>property(f)</c> stored in a class body. Immutable.</summary>
public sealed record PyMethodWrapper(string Kind, object? Function)
{
    public override string ToString() => $"<{Kind} object>";
}

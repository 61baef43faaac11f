namespace ActorImport.Model;

/// <summary>
/// A Python module object: a name plus a namespace dictionary (insertion-ordered, as a Python
/// dict is). Thread-safety: every member is safe to call from any thread; each single
/// operation is atomic (a lock guards the namespace). During initialisation only the owning
/// import chain writes, as design.md states; afterwards anyone may read or write.
/// Python <c>None</c> is represented by <c>null</c>; a missing attribute is reported by the
/// <c>Try</c> methods, never by <c>null</c>. The namespace is the single source of truth: the
/// typed accessors (<see cref="Spec"/>, <see cref="File"/>, …) read and write its dunder entries.
/// The namespace members are virtual so that a module type may act on access, as
/// <c>importlib.util._LazyModule</c> does (Engine.LazyModule).
/// </summary>
public partial class ModuleObject
{
    private readonly Lock _gate = new();
    private readonly OrderedDictionary<string, object?> _namespace = new(StringComparer.Ordinal);

    /// <summary>
    /// A namespace holding only <c>__name__</c>. Modules the import system creates come from
    /// <see cref="ModuleType"/>, which binds CPython's full set of initial dunders.
    /// </summary>
    public ModuleObject(string name)
    {
        _namespace["__name__"] = name;
    }

    /// <summary>
    /// <c>types.ModuleType(name, doc=None)</c>: the namespace starts as CPython's does —
    /// <c>__name__</c>, then <c>__doc__</c>, <c>__package__</c>, <c>__loader__</c> and
    /// <c>__spec__</c>, the last three None. <c>module_from_spec</c> uses it.
    /// </summary>
    public static ModuleObject ModuleType(string name, string? doc = null)
    {
        var module = new ModuleObject(name);
        module._namespace["__doc__"] = doc;
        module._namespace["__package__"] = null;
        module._namespace["__loader__"] = null;
        module._namespace["__spec__"] = null;
        return module;
    }

    /// <summary><c>__name__</c> if it is a string, else the empty string.</summary>
    public string Name => GetAttributeOrDefault("__name__") as string ?? string.Empty;

    public virtual bool TryGetAttribute(string name, out object? value)
    {
        lock (_gate)
        {
            return _namespace.TryGetValue(name, out value);
        }
    }

    /// <summary>The attribute, or <paramref name="fallback"/> when it is not bound.</summary>
    public object? GetAttributeOrDefault(string name, object? fallback = null) =>
        TryGetAttribute(name, out object? value) ? value : fallback;

    public virtual bool HasAttribute(string name)
    {
        lock (_gate)
        {
            return _namespace.ContainsKey(name);
        }
    }

    public virtual void SetAttribute(string name, object? value)
    {
        lock (_gate)
        {
            _namespace[name] = value;
        }
    }

    /// <summary>Binds <paramref name="name"/> only if it is unbound; returns the value now bound.</summary>
    public virtual object? GetOrAddAttribute(string name, object? value)
    {
        lock (_gate)
        {
            if (_namespace.TryGetValue(name, out object? existing))
            {
                return existing;
            }
            _namespace[name] = value;
            return value;
        }
    }

    public virtual bool RemoveAttribute(string name)
    {
        lock (_gate)
        {
            return _namespace.Remove(name);
        }
    }

    /// <summary>A consistent snapshot of the namespace, in insertion order.</summary>
    public virtual KeyValuePair<string, object?>[] Items()
    {
        lock (_gate)
        {
            return [.. _namespace];
        }
    }

    /// <summary>The bound names, in insertion order.</summary>
    public virtual string[] AttributeNames()
    {
        lock (_gate)
        {
            return [.. _namespace.Keys];
        }
    }

    /// <summary>CPython's <c>repr(module)</c> (3.11 form); see <see cref="ModuleRepr.Of"/>.</summary>
    public override string ToString() => ModuleRepr.Of(this);
}

using ActorImport.Model;

namespace ActorImport.Engine;

/// <summary>
/// <c>importlib.util._LazyModule</c>: a module whose body runs on the first read of any
/// attribute (or delete), after <see cref="LazyLoader.ExecModule"/> armed it. The load:
/// the attributes set or changed since arming (compared by identity) are noted, the real
/// loader executes the body in this same object, a substitution in <c>sys.modules</c> is the
/// ValueError CPython raises, and the noted changes are applied again — so changes made before
/// the load persist. Writes do not trigger the load (as <c>__setattr__</c> does not).
/// <para>Thread-safety (the fixed behaviour of gh-114763): the first access is serialised —
/// exactly one thread executes, every other thread blocks until the load is complete, so nobody
/// sees a half-loaded module; the loading thread's own accesses during the body (re-entrant)
/// see the raw namespace. The module stops being lazy only as the load's final act. A failed
/// load leaves it armed: the next access tries again.</para>
/// </summary>
public sealed class LazyModule : ModuleObject
{
    private readonly Lock _loadGate = new();
    private volatile PendingLoad? _pending;
    private bool _loading;

    /// <summary>What the load needs: the real loader, the namespace when armed, and the engine's sys.modules (or none).</summary>
    private sealed record PendingLoad(ILoader Loader, KeyValuePair<string, object?>[] Snapshot, IReadOnlyDictionary<string, object?>? Modules);

    /// <summary>A module with <c>types.ModuleType</c>'s initial dunders; not lazy until armed.</summary>
    public LazyModule(string name)
        : base(name)
    {
        base.SetAttribute("__doc__", null);
        base.SetAttribute("__package__", null);
        base.SetAttribute("__loader__", null);
        base.SetAttribute("__spec__", null);
    }

    /// <summary>
    /// Told the module's name just before the body runs (the engine's observer, when it has one).
    /// Set by the engine right after arming, before the module is published ready.
    /// </summary>
    internal Action<string>? Reifying { get; set; }

    /// <summary>True while armed and not yet loaded (CPython: <c>type(m) is _LazyModule</c>).</summary>
    public bool IsPending => _pending is not null;

    internal void Arm(ILoader loader, IReadOnlyDictionary<string, object?>? modules) =>
        _pending = new PendingLoad(loader, base.Items(), modules);

    /// <summary>Runs the body if the module is still pending (the load of <c>_LazyModule.__getattribute__</c>).</summary>
    public void EnsureLoaded()
    {
        if (_pending is null)
        {
            return;
        }
        lock (_loadGate)
        {
            PendingLoad? pending = _pending;
            if (pending is null || _loading)
            {
                return;
            }
            _loading = true;
            try
            {
                Reifying?.Invoke(Name);
                Load(pending);
                _pending = null;
            }
            finally
            {
                _loading = false;
            }
        }
    }

    private void Load(PendingLoad pending)
    {
        string originalName = (base.GetAttributeOrDefault("__spec__") as ModuleSpec)?.Name ?? Name;
        var then = new Dictionary<string, object?>(pending.Snapshot, StringComparer.Ordinal);
        var updated = new List<KeyValuePair<string, object?>>();
        foreach (var (key, value) in base.Items())
        {
            if (!then.TryGetValue(key, out object? old) || !ReferenceEquals(old, value) && !ValueEquals(old, value))
            {
                updated.Add(new(key, value));
            }
        }
        pending.Loader.ExecModule(this);
        if (pending.Modules is not null && pending.Modules.TryGetValue(originalName, out object? current) && !ReferenceEquals(current, this))
        {
            throw new PythonException("ValueError", $"module object for {PythonRepr.Str(originalName)} substituted in sys.modules during a lazy load");
        }
        foreach (var (key, value) in updated)
        {
            base.SetAttribute(key, value);
        }
    }

    /// <summary>Identity for reference types; boxed value types (Python's small ints, bools) compare by value, as their ids would.</summary>
    private static bool ValueEquals(object? a, object? b) => a is ValueType && Equals(a, b);

    public override bool TryGetAttribute(string name, out object? value)
    {
        EnsureLoaded();
        return base.TryGetAttribute(name, out value);
    }

    public override bool HasAttribute(string name)
    {
        EnsureLoaded();
        return base.HasAttribute(name);
    }

    public override bool RemoveAttribute(string name)
    {
        EnsureLoaded();
        return base.RemoveAttribute(name);
    }

    public override KeyValuePair<string, object?>[] Items()
    {
        EnsureLoaded();
        return base.Items();
    }

    public override string[] AttributeNames()
    {
        EnsureLoaded();
        return base.AttributeNames();
    }

    public override object? GetOrAddAttribute(string name, object? value)
    {
        EnsureLoaded();
        return base.GetOrAddAttribute(name, value);
    }
}

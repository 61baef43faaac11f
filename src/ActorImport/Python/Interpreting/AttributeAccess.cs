using ActorImport.Model;
using ActorImport.Python.Interpreting.Values;

namespace ActorImport.Python.Interpreting;

/// <summary>
/// <c>getattr</c> over the interpreter's values: module namespaces (with PEP 810 reification
/// and the <see cref="KnownModuleFacts"/> overlay), class namespaces, <c>sys.version_info</c>
/// fields, simple namespaces and the list methods that edit <c>__all__</c>. Stateless apart
/// from the immutable facts; safe from any thread.
/// </summary>
public sealed class AttributeAccess
{
    private readonly KnownModuleFacts _facts;
    private readonly UnknownNames _unknownNames;

    public AttributeAccess(KnownModuleFacts facts, UnknownNames unknownNames)
    {
        _facts = facts;
        _unknownNames = unknownNames;
    }

    public KnownModuleFacts Facts => _facts;

    /// <summary>
    /// <c>getattr(target, name)</c>. False means Python raises <c>AttributeError</c> (the name is
    /// known to be missing); an unknown target yields true with an <see cref="OpaqueValue"/>.
    /// </summary>
    public bool TryGetAttribute(object? target, string name, out object? value)
    {
        switch (target)
        {
            case ModuleObject module:
                if (LazyImports.TryGetAttribute(module, name, out value))
                {
                    return true;
                }
                if (_facts.TryGet(module.Name, name, out value))
                {
                    return true;
                }
                if (RecordedName(module) is string recordedName && _facts.ModuleAttributes.Has(recordedName, name) is bool recorded)
                {
                    value = recorded ? _facts.ModuleAttributes.ValueOf(recordedName, name) : null;
                    return recorded;
                }
                if (HasUnknownAttributes(module))
                {
                    value = new OpaqueValue($"{module.Name}.{name}");
                    return true;
                }
                return false;
            case PyClass cls:
                if (cls.Namespace.TryGetAttribute(name, out value))
                {
                    return true;
                }
                value = new OpaqueValue($"{cls.Name}.{name}");
                return true;
            case VersionInfo info:
                value = info.GetField(name);
                return true;
            case PyNamespace ns:
                value = ns.Fields.TryGetValue(name, out object? field) ? field : new OpaqueValue($"{ns.Description}.{name}");
                return true;
            case GlobalsView globals:
                value = new BoundGlobalsMethod(globals, name);
                return true;
            case List<object?> list when name is "append" or "extend" or "insert" or "remove":
                value = new BoundListMethod(list, name);
                return true;
            default:
                value = new OpaqueValue($"<attribute {name}>");
                return true;
        }
    }

    /// <summary>
    /// True when missing attributes of <paramref name="module"/> are unknown rather than absent:
    /// an opaque built-in/extension module whose <c>dir()</c> is not recorded in
    /// <see cref="KnownModuleFacts.ModuleAttributes"/>, one with a PEP 562 <c>__getattr__</c> the
    /// interpreter cannot call, or one that star-imported names nobody knows (<see cref="UnknownNames"/>).
    /// </summary>
    public bool HasUnknownAttributes(ModuleObject module)
    {
        if (_unknownNames.Contains(module) || (module.TryGetAttribute("__getattr__", out object? hook) && hook is not PyFunction { IsCallable: true }))
        {
            return true;
        }
        return IsOpaqueModule(module) && RecordedName(module) is null;
    }

    /// <summary>
    /// The name under which <see cref="KnownModuleFacts.ModuleAttributes"/> records an opaque
    /// module (its spec's name: importlib renames <c>_frozen_importlib_external</c>'s
    /// <c>__name__</c>), or null when the module is not opaque or not recorded.
    /// </summary>
    public string? RecordedName(ModuleObject module)
    {
        if (!IsOpaqueModule(module))
        {
            return null;
        }
        string name = (module.GetAttributeOrDefault("__spec__") as ModuleSpec)?.Name ?? module.Name;
        return _facts.ModuleAttributes.TryGetNames(name, out _) ? name : null;
    }

    /// <summary>
    /// True for a module whose body the interpreter did not run: the host's opaque module type,
    /// or a spec whose origin is <c>built-in</c>, an extension file, or <c>frozen</c> without its source file.
    /// </summary>
    public bool IsOpaqueModule(ModuleObject module)
    {
        if (module is IOpaqueAttributes)
        {
            return true;
        }
        string? origin = (module.GetAttributeOrDefault("__spec__") as ModuleSpec)?.Origin;
        if (origin == "frozen")
        {
            // A frozen stdlib module whose source file is there (3.11's _fix_up_module sets
            // __file__ from loader_state.filename) has had that source run: its names are known.
            return !(module.GetAttributeOrDefault("__file__") is string file && file.EndsWith(".py", StringComparison.Ordinal) && File.Exists(file));
        }
        return origin is "built-in" || (origin is not null && (origin.EndsWith(".so", StringComparison.Ordinal) || origin.EndsWith(".pyd", StringComparison.Ordinal)));
    }
}

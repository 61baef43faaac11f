using ActorImport.Model;
using ActorImport.Python.Interpreting.Values;

namespace ActorImport.Python.Interpreting;

/// <summary>
/// ceval's <c>IMPORT_FROM</c> (<c>import_from</c>) and <c>IMPORT_STAR</c> (<c>import_all_from</c>)
/// over the interpreter's values, with CPython 3.11's error texts.
/// Stateless apart from its collaborators; used by one executing body at a time.
/// </summary>
internal sealed class FromImport
{
    private readonly IImportCallback _callback;
    private readonly AttributeAccess _attributes;
    private readonly ExecutionRun? _run;

    public FromImport(IImportCallback callback, AttributeAccess attributes, ExecutionRun? run = null)
    {
        _callback = callback;
        _attributes = attributes;
        _run = run;
    }

    /// <summary>
    /// <c>IMPORT_FROM name</c> on <paramref name="source"/>:
    /// 1. <c>getattr(module, name)</c>, PEP 562's <c>__getattr__(name)</c> included (its AttributeError means "not there");
    /// 2. else <c>sys.modules[f"{module.__name__}.{name}"]</c> (why <c>from pkg import sub</c> works in a cycle);
    /// 3. else, for a built-in module, CPython's recorded <c>dir()</c> decides; a module whose names are unknown gives an opaque value;
    /// 4. else ImportError "cannot import name …" (partially initialized / unknown location variants).
    /// </summary>
    public object? ImportFrom(object? source, string name)
    {
        if (source is not ModuleObject module)
        {
            return _attributes.TryGetAttribute(source, name, out object? value)
                ? value
                : throw new ImportError($"cannot import name {PythonRepr.Str(name)} from {PyRepr.Of(source)} (unknown location)");
        }
        if (_attributes.Facts.TryGetIntrinsic(module.Name, name, out object? bound) || LazyImports.TryGetAttribute(module, name, out bound) || _attributes.Facts.TryGet(module.Name, name, out bound))
        {
            return bound;
        }
        bool? hooked = _run?.TryModuleGetattr(module, name, out bound);
        if (hooked == true)
        {
            return bound;
        }
        if (module.GetAttributeOrDefault("__name__") is string packageName
            && _callback.TryGetSysModule($"{packageName}.{name}", out object? submodule) && submodule is not null)
        {
            return submodule;
        }
        if (hooked is null && _run is not null)
        {
            return new OpaqueValue($"{module.Name}.{name}");
        }
        if (_attributes.TryGetAttribute(module, name, out bound))
        {
            // A name the recorded dir() of a built-in module lists, or any name of a module whose names are unknown.
            return bound;
        }
        throw CannotImportName(module, name);
    }

    /// <summary>CPython 3.11 ceval's text for a failed <c>IMPORT_FROM</c>; <c>exc.name</c> is the module, <c>exc.path</c> its file.</summary>
    public ImportError CannotImportName(ModuleObject module, string name)
    {
        string packageName = module.GetAttributeOrDefault("__name__") as string ?? "<unknown module name>";
        if (module.GetAttributeOrDefault("__file__") is not string path)
        {
            return new ImportError($"cannot import name {PythonRepr.Str(name)} from {PythonRepr.Str(packageName)} (unknown location)", packageName);
        }
        return _callback.IsInitializing(module)
            ? new ImportError($"cannot import name {PythonRepr.Str(name)} from partially initialized module {PythonRepr.Str(packageName)} (most likely due to a circular import) ({path})", packageName, path)
            : new ImportError($"cannot import name {PythonRepr.Str(name)} from {PythonRepr.Str(packageName)} ({path})", packageName, path);
    }

    /// <summary>
    /// <c>from m import *</c> (ceval's <c>import_all_from</c>): the names of <c>__all__</c> when it
    /// is bound, else every namespace key not starting with an underscore; each value is read with
    /// getattr (a missing <c>__all__</c> entry is an AttributeError). Returns the pairs to bind, in
    /// order; <paramref name="undecided"/> is set when the names could not be known exactly.
    /// </summary>
    public List<KeyValuePair<string, object?>> ImportAll(object? source, out string? undecided)
    {
        undecided = null;
        var bindings = new List<KeyValuePair<string, object?>>();
        if (source is not ModuleObject module)
        {
            undecided = $"star import from {PyRepr.Of(source)}";
            return bindings;
        }
        IEnumerable<object?> names;
        bool skipUnderscored = false;
        if (LazyImports.TryGetAttribute(module, "__all__", out object? all))
        {
            switch (all)
            {
                case PyTuple t: names = t.Items; break;
                case List<object?> l: names = l.ToArray(); break;
                default:
                    undecided = $"{module.Name}.__all__ is not a literal; bound the public names instead";
                    names = module.AttributeNames();
                    skipUnderscored = true;
                    break;
            }
        }
        else
        {
            names = module.AttributeNames();
            skipUnderscored = true;
            if (_attributes.RecordedName(module) is string recordedName && _attributes.Facts.ModuleAttributes.TryGetNames(recordedName, out IReadOnlySet<string> recorded))
            {
                names = recorded.Order(StringComparer.Ordinal);
            }
            else if (_attributes.HasUnknownAttributes(module))
            {
                undecided = $"star import from {module.Name}, whose attributes are unknown";
            }
        }
        foreach (object? item in names)
        {
            if (item is not string name)
            {
                string where = skipUnderscored ? "__dict__" : "__all__";
                string kind = skipUnderscored ? "Key" : "Item";
                throw new PythonException("TypeError", $"{kind} in {module.Name}.{where} must be str, not {PyTypeNames.Of(item)}");
            }
            if (skipUnderscored && name.StartsWith('_'))
            {
                continue;
            }
            if (!_attributes.TryGetAttribute(module, name, out object? value) && _run?.TryModuleGetattr(module, name, out value) != true)
            {
                throw NoAttribute(module, name);
            }
            bindings.Add(new(name, value));
        }
        return bindings;
    }

    /// <summary>moduleobject.c's AttributeError text (3.11).</summary>
    public PythonException NoAttribute(ModuleObject module, string name) =>
        _callback.IsInitializing(module)
            ? new PythonException("AttributeError", $"partially initialized module '{module.Name}' has no attribute '{name}' (most likely due to a circular import)")
            : new PythonException("AttributeError", $"module '{module.Name}' has no attribute '{name}'");
}

using ActorImport.Model;
using ActorImport.Python.Interpreting.Values;

namespace ActorImport.Python.Interpreting;

// getattr as the body sees it: modules (PEP 562 __getattr__, the recorded attributes of
// built-in modules), classes along their bases, instances and their methods, then the plain
// values AttributeAccess knows.
internal sealed partial class BodyExecution
{
    /// <summary>What an attribute read decided.</summary>
    private enum Lookup
    {
        Found,
        Missing,
        Unknown,
    }

    /// <summary>
    /// <c>getattr(target, name)</c>: <see cref="Lookup.Found"/> with the value,
    /// <see cref="Lookup.Missing"/> when CPython raises AttributeError, <see cref="Lookup.Unknown"/>
    /// when the interpreter cannot tell (then <paramref name="value"/> is opaque).
    /// </summary>
    private Lookup LookupAttribute(object? target, string name, out object? value)
    {
        switch (target)
        {
            case ModuleObject module:
                return LookupModuleAttribute(module, name, out value);
            case PyClass cls:
                return LookupClassAttribute(cls, name, instance: null, out value);
            case PyInstance instance:
                if (instance.Namespace.TryGetAttribute(name, out value))
                {
                    return Lookup.Found;
                }
                if (name == "__class__")
                {
                    value = instance.Class;
                    return Lookup.Found;
                }
                // Attributes set by code not run (a base's __init__ reached through super()) may be missing here.
                Lookup viaClass = LookupClassAttribute(instance.Class, name, instance, out value);
                return viaClass == Lookup.Missing ? Lookup.Unknown : viaClass;
            case PyFunction function when function.Attributes.TryGetAttribute(name, out value):
                return Lookup.Found;
            case PyFunction function when name is "__name__" or "__qualname__" or "__module__":
                value = name switch { "__name__" => function.Name, "__qualname__" => function.QualifiedName, _ => function.Module };
                return Lookup.Found;
            case PyExceptionClass or PyBuiltinType when name is "__name__" or "__qualname__" or "__module__":
                value = name == "__module__" ? "builtins" : (target as PyExceptionClass)?.Name ?? ((PyBuiltinType)target!).Name;
                return Lookup.Found;
            case PyMethodWrapper { Kind: "staticmethod" or "classmethod" } wrapper when name == "__func__":
                value = wrapper.Function;
                return Lookup.Found;
            case OpaqueValue { BuiltinPath: string path } when _attributes.Facts.ModuleAttributes.Has(path, name) is bool recorded:
                value = recorded ? _attributes.Facts.ModuleAttributes.ValueOf(path, name) : null;
                return recorded ? Lookup.Found : Lookup.Missing;
            case ImportError error when name is "name" or "path":
                value = name == "name" ? error.Name : error.Path;
                return Lookup.Found;
            default:
                if (!_attributes.TryGetAttribute(target, name, out value))
                {
                    return Lookup.Missing;
                }
                if (value is OpaqueValue && ValueMethods.TryGet(target, name, out PyValueMethod? method))
                {
                    value = method;
                }
                return value is OpaqueValue ? Lookup.Unknown : Lookup.Found;
        }
    }

    /// <summary>
    /// A module attribute: the namespace (PEP 810 reification) and the facts overlay; else PEP
    /// 562's <c>__getattr__</c> when the body defined one in source (its AttributeError means
    /// missing); else, for a built-in or extension module, the recorded <c>dir()</c> of CPython's
    /// module; else unknown when the module may hold names the interpreter did not see.
    /// </summary>
    private Lookup LookupModuleAttribute(ModuleObject module, string name, out object? value)
    {
        if (_attributes.Facts.TryGetIntrinsic(module.Name, name, out value) || LazyImports.TryGetAttribute(module, name, out value) || _attributes.Facts.TryGet(module.Name, name, out value))
        {
            return Lookup.Found;
        }
        bool? viaHook = _run.TryModuleGetattr(module, name, out object? hooked);
        if (viaHook == true)
        {
            value = hooked;
            return Lookup.Found;
        }
        if (viaHook is null)
        {
            value = new OpaqueValue($"{module.Name}.{name}");
            return Lookup.Unknown;
        }
        if (hooked is PythonException hookError)
        {
            // The module's own __getattr__ decided: the name is missing, with its exception.
            value = hookError;
            return Lookup.Missing;
        }
        if (_attributes.RecordedName(module) is string recordedName && _attributes.Facts.ModuleAttributes.Has(recordedName, name) is bool recorded)
        {
            value = recorded ? _attributes.Facts.ModuleAttributes.ValueOf(recordedName, name) : null;
            return recorded ? Lookup.Found : Lookup.Missing;
        }
        // A dunder may come from the module type (__dict__, __class__, __repr__ …), which the
        // namespace does not hold: not decided missing.
        if (_attributes.HasUnknownAttributes(module) || (name.Length > 4 && name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal)))
        {
            value = new OpaqueValue($"{module.Name}.{name}");
            return Lookup.Unknown;
        }
        value = null;
        return Lookup.Missing;
    }

    /// <summary>
    /// A class attribute along the bases, depth first (the MRO of the single-inheritance and
    /// simple diamond cases). Through an instance a function becomes a bound method and a
    /// property is called; through the class a classmethod is bound to the class. Unknown when a
    /// base is not a class the body defined, the class has a metaclass, or the name is a dunder
    /// <c>type</c> provides.
    /// </summary>
    private Lookup LookupClassAttribute(PyClass cls, string name, PyInstance? instance, out object? value)
    {
        bool unknownBase = cls.Metaclass is not null;
        foreach (PyClass c in Linearize(cls, ref unknownBase))
        {
            if (c.Namespace.TryGetAttribute(name, out value))
            {
                value = (value, instance) switch
                {
                    (PyFunction f, not null) => new PyBoundMethod(instance, f),
                    (PyMethodWrapper { Kind: "staticmethod" } w, _) => w.Function,
                    (PyMethodWrapper { Kind: "classmethod", Function: PyFunction f }, _) => new PyBoundMethod(cls, f),
                    (PyMethodWrapper { Kind: "property", Function: PyFunction f }, not null) => CallFunction(f, [instance], EmptyKeywords, f.Line),
                    _ => value,
                };
                return value is OpaqueValue ? Lookup.Unknown : Lookup.Found;
            }
        }
        if (name == "__name__" || name == "__qualname__")
        {
            value = name == "__name__" ? cls.Name : cls.QualifiedName;
            return Lookup.Found;
        }
        value = new OpaqueValue($"{cls.Name}.{name}");
        return unknownBase || (name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal)) ? Lookup.Unknown : Lookup.Missing;
    }

    /// <summary>The class and its source-defined bases, depth first without repeats; <paramref name="unknownBase"/> is set when a base is anything but such a class or <c>object</c>.</summary>
    private static List<PyClass> Linearize(PyClass cls, ref bool unknownBase)
    {
        var order = new List<PyClass>();
        var pending = new Stack<PyClass>([cls]);
        while (pending.Count > 0)
        {
            PyClass c = pending.Pop();
            if (order.Contains(c))
            {
                continue;
            }
            order.Add(c);
            // A metaclass is inherited: type's attributes and the metaclass's own are not modelled.
            unknownBase |= c.Metaclass is not null;
            for (int i = c.Bases.Count - 1; i >= 0; i--)
            {
                switch (c.Bases[i])
                {
                    case PyClass b:
                        pending.Push(b);
                        break;
                    case PyBuiltinType { Name: "object" }:
                        break;
                    default:
                        unknownBase = true;
                        break;
                }
            }
        }
        return order;
    }

    /// <summary>AttributeError's text for a decided missing attribute.</summary>
    private PythonException NoAttributeError(object? target, string name) => target switch
    {
        ModuleObject module => _fromImport.NoAttribute(module, name),
        PyClass cls => new PythonException("AttributeError", $"type object '{cls.Name}' has no attribute '{name}'"),
        PyInstance instance => new PythonException("AttributeError", $"'{instance.Class.Name}' object has no attribute '{name}'"),
        _ => new PythonException("AttributeError", $"'{PyTypeNames.Of(target)}' object has no attribute '{name}'"),
    };
}

using ActorImport.Model;
using ActorImport.Python.Interpreting.Values;

namespace ActorImport.Python.Interpreting;

/// <summary>
/// <c>type(x)</c>, <c>isinstance</c> and <c>issubclass</c> over the interpreter's values. Each
/// answer is <c>null</c> when it depends on something the interpreter does not know (an opaque
/// value, a class with an opaque base or a metaclass). Stateless; safe from any thread.
/// </summary>
internal static class TypeChecks
{
    /// <summary><c>type(value)</c>: a <see cref="PyBuiltinType"/>, a class, or null when unknown.</summary>
    public static object? TypeOf(object? value) => value switch
    {
        RaisedException raised => raised.PythonClass,
        PythonException exception => new PyExceptionClass(exception.TypeName),
        PyInstance instance => instance.Class,
        PyClass { Metaclass: not null } => null,
        PyClass or PyExceptionClass or PyBuiltinType => new PyBuiltinType("type"),
        OpaqueValue or LazyImportProxy => null,
        _ when PyTypeNames.Of(value) is var name && name != "object" => new PyBuiltinType(name),
        _ => null,
    };

    /// <summary><c>isinstance(value, cls)</c> (a tuple of classes included).</summary>
    public static bool? IsInstance(object? value, object? cls)
    {
        if (cls is PyTuple tuple)
        {
            return AnyOf(tuple.Items, c => IsInstance(value, c));
        }
        if (cls is PyExceptionClass or PyClass && value is PythonException exception)
        {
            return PythonExceptions.Matches(exception, cls);
        }
        object? type = TypeOf(value);
        return type is null ? (cls is PyBuiltinType { Name: "object" } ? true : null) : IsSubclass(type, cls);
    }

    /// <summary><c>issubclass(cls, parent)</c> (a tuple of parents included).</summary>
    public static bool? IsSubclass(object? cls, object? parent)
    {
        if (parent is PyTuple tuple)
        {
            return AnyOf(tuple.Items, p => IsSubclass(cls, p));
        }
        switch (cls, parent)
        {
            case (_, PyBuiltinType { Name: "object" }) when cls is PyClass or PyExceptionClass or PyBuiltinType:
                return true;
            case (PyBuiltinType a, PyBuiltinType b):
                return a.IsSubtypeOf(b);
            case (PyBuiltinType, PyClass or PyExceptionClass):
                return false;
            case (PyExceptionClass a, PyExceptionClass b):
                return BuiltinExceptionTypes.IsSubclass(a.Name, b.Name);
            case (PyExceptionClass, PyClass or PyBuiltinType):
                return false;
            case (PyClass a, PyClass b) when a.IsSubclassOf(b):
                return true;
            case (PyClass a, _) when parent is PyClass or PyExceptionClass or PyBuiltinType:
                bool? viaBases = AnyOf(a.Bases, b => b is PyBuiltinType { Name: "object" } ? false : IsSubclass(b, parent));
                return viaBases;
            default:
                return null;
        }
    }

    /// <summary>Python's <c>any</c> over three-valued answers: true wins, then unknown.</summary>
    private static bool? AnyOf(IEnumerable<object?> items, Func<object?, bool?> test)
    {
        bool unknown = false;
        foreach (object? item in items)
        {
            bool? one = test(item);
            if (one == true)
            {
                return true;
            }
            unknown |= one is null;
        }
        return unknown ? null : false;
    }
}

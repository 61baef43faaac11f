using ActorImport.Model;
using ActorImport.Python.Interpreting.Values;

namespace ActorImport.Python.Interpreting;

/// <summary><c>type(value).__name__</c> for the interpreter's values, as TypeError texts print it. Stateless.</summary>
internal static class PyTypeNames
{
    public static string Of(object? value) => value switch
    {
        null => "NoneType",
        bool => "bool",
        long => "int",
        double => "float",
        string => "str",
        PyBytes => "bytes",
        PyTuple => "tuple",
        List<object?> => "list",
        Dictionary<object, object?> => "dict",
        HashSet<object?> => "set",
        ModuleObject => "module",
        PyFunction => "function",
        PyClass or PyExceptionClass => "type",
        _ => "object",
    };
}

namespace ActorImport.Python.Interpreting.Values;

/// <summary>
/// A built-in type named in a body (<c>int</c>, <c>str</c>, <c>object</c>, <c>type</c>…) or
/// returned by <c>type(x)</c>: a class for <c>isinstance</c>/<c>issubclass</c>, a conversion when
/// called. Types are singletons in CPython, so value equality is identity here. Immutable.
/// </summary>
public sealed record PyBuiltinType(string Name)
{
    /// <summary>The built-in types a body can name (the others come only from <c>type(x)</c>).</summary>
    public static readonly IReadOnlySet<string> Named = new HashSet<string>(StringComparer.Ordinal)
    {
        "object", "type", "int", "bool", "float", "complex", "str", "bytes", "bytearray", "tuple", "list", "dict", "set",
        "frozenset", "range", "slice", "memoryview", "property", "staticmethod", "classmethod", "super", "enumerate",
        "zip", "map", "filter", "reversed",
    };

    /// <summary>True if this type is <paramref name="other"/> or derives from it (bool derives from int; everything from object).</summary>
    public bool IsSubtypeOf(PyBuiltinType other) =>
        other.Name == Name || other.Name == "object" || (Name == "bool" && other.Name == "int");

    public override string ToString() => $"<class '{Name}'>";
}

/// <summary>A builtin function of the <c>builtins</c> module (<c>hasattr</c>, <c>len</c>…). Immutable.</summary>
public sealed record PyBuiltinFunction(string Name)
{
    /// <summary>The builtin functions the interpreter evaluates on known values.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "hasattr", "getattr", "setattr", "delattr", "isinstance", "issubclass", "callable", "len", "vars", "dir",
        "locals", "repr", "print", "sorted", "min", "max", "any", "all", "abs", "id", "hash", "iter", "next", "format",
        "ascii", "chr", "ord", "round", "sum", "open", "exec", "eval", "compile", "input", "breakpoint", "divmod", "pow",
        "bin", "hex", "oct", "aiter", "anext", "help",
    };

    public override string ToString() => $"<built-in function {Name}>";
}

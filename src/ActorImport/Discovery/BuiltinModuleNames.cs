using System.Collections.Frozen;

namespace ActorImport.Discovery;

/// <summary>
/// <c>sys.builtin_module_names</c> of CPython 3.11 on Linux (x86_64). Immutable; safe from any thread.
/// </summary>
public static class BuiltinModuleNames
{
    public static readonly FrozenSet<string> Python311Linux = FrozenSet.Create(StringComparer.Ordinal,
    [
        "_abc", "_ast", "_codecs", "_collections", "_functools", "_imp", "_io", "_locale", "_operator",
        "_signal", "_sre", "_stat", "_string", "_symtable", "_thread", "_tokenize", "_tracemalloc",
        "_warnings", "_weakref", "atexit", "builtins", "errno", "faulthandler", "gc", "itertools",
        "marshal", "posix", "pwd", "sys", "time", "xxsubtype",
    ]);
}

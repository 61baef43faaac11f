using ActorImport.Python.Interpreting.Values;

namespace ActorImport.Python.Interpreting;

/// <summary>
/// The attributes of built-in modules that bodies test at import time and that the engine's
/// opaque built-in modules do not carry: <c>sys.version_info</c>, <c>sys.platform</c>,
/// <c>sys.implementation</c>, <c>sys.modules</c>, <c>os.name</c>, <c>typing.TYPE_CHECKING</c>,
/// and the intrinsic functions <c>importlib.import_module</c>, <c>time.sleep</c>. A module's
/// own binding always wins over these. Immutable, but for one value: <c>_warnings.filters</c>
/// is CPython's process-wide warning filter list (recorded from CPython's C initialiser), one
/// list per interpreter that bodies edit as <c>warnings.simplefilter</c> does; like every list a
/// body shares with other chains' bodies, it is not synchronised (CPython's GIL is not modelled).
/// </summary>
public sealed class KnownModuleFacts
{
    private readonly Dictionary<(string Module, string Name), object?> _facts;

    public KnownModuleFacts(InterpreterOptions options)
    {
        var implementation = new PyNamespace("sys.implementation", new Dictionary<string, object?>
        {
            ["name"] = options.ImplementationName,
            ["cache_tag"] = $"{options.ImplementationName}-{options.TargetVersion.Major}{options.TargetVersion.Minor}",
        });
        ModuleAttributes = Facts.ModuleAttributeTable.For(options.TargetVersion, options.Platform);
        _facts = new()
        {
            [("sys", "version_info")] = new VersionInfo(options.TargetVersion),
            [("sys", "platform")] = options.Platform,
            [("sys", "implementation")] = implementation,
            [("sys", "modules")] = SysModulesView.Instance,
            [("sys", "byteorder")] = "little",
            [("sys", "builtin_module_names")] = new PyTuple(options.BuiltinModuleNames.Cast<object?>().ToArray()),
            [("sys", "maxsize")] = long.MaxValue,
            [("sys", "hexversion")] = (long)((options.TargetVersion.Major << 24) | (options.TargetVersion.Minor << 16) | (Math.Max(0, options.TargetVersion.Build) << 8) | 0xf0),
            [("os", "name")] = options.OsName,
            [("posix", "name")] = options.OsName,
            [("typing", "TYPE_CHECKING")] = false,
            [("typing_extensions", "TYPE_CHECKING")] = false,
            [("importlib", "import_module")] = IntrinsicFunction.ImportModule,
            [("builtins", "__import__")] = IntrinsicFunction.DunderImport,
            [("time", "sleep")] = IntrinsicFunction.Sleep,
            [("sys", "intern")] = IntrinsicFunction.Intern,
            [("posix", "fspath")] = IntrinsicFunction.FsPath,
            [("_warnings", "warn")] = IntrinsicFunction.Warn,
        };
        if (WarningFilters(ModuleAttributes) is { } filters)
        {
            _facts[("_warnings", "filters")] = filters;
        }
        Debug = options.Debug;
    }

    /// <summary>
    /// <c>_warnings.filters</c> from the recorded <c>(action, message, category name, module,
    /// lineno)</c> tuples, the category made the built-in class; null when none were recorded.
    /// </summary>
    private static List<object?>? WarningFilters(Facts.ModuleAttributeTable table)
    {
        if (table.ValueOf("_warnings", "filters") is not List<object?> recorded)
        {
            return null;
        }
        return recorded.Select(f => f is PyTuple { Items: [var action, var message, string category, var module, var lineno] }
            ? (object?)new PyTuple([action, message, new PyExceptionClass(category), module, lineno])
            : f).ToList();
    }

    /// <summary>The recorded <c>dir()</c> of CPython's built-in and extension modules for the target (empty when none was recorded).</summary>
    public Facts.ModuleAttributeTable ModuleAttributes { get; }

    /// <summary><c>__debug__</c>.</summary>
    public bool Debug { get; }

    public bool TryGet(string module, string name, out object? value) => _facts.TryGetValue((module, name), out value);

    /// <summary>
    /// The intrinsic functions (<c>importlib.import_module</c>, <c>builtins.__import__</c>,
    /// <c>time.sleep</c>): these win over the module's own source binding, because the real
    /// <c>importlib.import_module</c> calls the frozen bootstrap, which the interpreter does not
    /// run — the intrinsic imports through the callback instead, as the bootstrap would.
    /// </summary>
    public bool TryGetIntrinsic(string module, string name, out object? value) =>
        _facts.TryGetValue((module, name), out value) && value is IntrinsicFunction || (value = null) is not null;

    /// <summary>
    /// A builtin name (looked up after locals and globals): exception classes, the built-in types
    /// and functions, <c>__import__</c>, <c>globals</c>, <c>__debug__</c>; false for every other name.
    /// </summary>
    public bool TryGetBuiltin(string name, out object? value)
    {
        switch (name)
        {
            case "__import__":
                value = IntrinsicFunction.DunderImport;
                return true;
            case "globals":
                value = IntrinsicFunction.Globals;
                return true;
            case "__debug__":
                value = Debug;
                return true;
            case "Ellipsis" or "NotImplemented":
                value = new OpaqueValue(name);
                return true;
        }
        if (Model.BuiltinExceptionTypes.IsBuiltin(name))
        {
            value = new PyExceptionClass(name);
            return true;
        }
        if (PyBuiltinType.Named.Contains(name))
        {
            value = new PyBuiltinType(name);
            return true;
        }
        if (PyBuiltinFunction.Known.Contains(name))
        {
            value = new PyBuiltinFunction(name);
            return true;
        }
        value = null;
        return false;
    }
}

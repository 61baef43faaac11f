namespace ActorImport.Python.Interpreting.Values;

/// <summary>
/// A function the interpreter knows how to call at import time (<c>importlib.import_module</c>,
/// <c>__import__</c>, <c>time.sleep</c>) or a list method that edits <c>__all__</c>.
/// Immutable value object.
/// </summary>
public sealed record IntrinsicFunction(string QualifiedName)
{
    public static IntrinsicFunction ImportModule { get; } = new("importlib.import_module");

    public static IntrinsicFunction DunderImport { get; } = new("builtins.__import__");

    public static IntrinsicFunction Sleep { get; } = new("time.sleep");

    public static IntrinsicFunction Globals { get; } = new("builtins.globals");

    /// <summary><c>sys.intern(s)</c>: the same string (identity is not observable here).</summary>
    public static IntrinsicFunction Intern { get; } = new("sys.intern");

    /// <summary><c>os.fspath(p)</c>: a str or bytes is returned unchanged.</summary>
    public static IntrinsicFunction FsPath { get; } = new("posix.fspath");

    /// <summary><c>_warnings.warn(message, category=None, stacklevel=1, source=None)</c>: filtered, and shown through <c>warnings._showwarnmsg</c>.</summary>
    public static IntrinsicFunction Warn { get; } = new("_warnings.warn");

    public override string ToString() => $"<built-in function {QualifiedName}>";
}

/// <summary><c>list.append</c>/<c>extend</c>/<c>insert</c>/<c>remove</c> bound to a known list (how bodies grow <c>__all__</c>, how <c>warnings.simplefilter</c> edits <c>warnings.filters</c>).</summary>
public sealed record BoundListMethod(List<object?> Target, string Method);

/// <summary>
/// What <c>globals()</c> returns: the module namespace as a mapping. Item stores bind names;
/// <c>update</c> with a literal dict binds its keys, with anything else marks the module as
/// having names nobody knows.
/// </summary>
public sealed record GlobalsView(Model.ModuleObject Module)
{
    /// <summary>False when the module may hold names the interpreter did not see (then a missing key is undecided).</summary>
    public bool NamesKnown { get; init; } = true;
}

/// <summary>A method of <see cref="GlobalsView"/> (<c>update</c>, <c>setdefault</c>, <c>pop</c>…).</summary>
public sealed record BoundGlobalsMethod(GlobalsView Target, string Method);

/// <summary><c>sys.modules</c> itself, as a value a body can subscript. Stateless marker.</summary>
public sealed class SysModulesView
{
    public static SysModulesView Instance { get; } = new();

    private SysModulesView()
    {
    }

    public override string ToString() => "sys.modules";
}

/// <summary>A simple attribute bag (<c>sys.implementation</c>). Immutable.</summary>
public sealed record PyNamespace(string Description, IReadOnlyDictionary<string, object?> Fields);

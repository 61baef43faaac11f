namespace ActorImport.Model;

/// <summary>
/// Python's <c>ImportError</c>: carries the module <see cref="Name"/> and file <see cref="Path"/>
/// as CPython's <c>exc.name</c> / <c>exc.path</c>. Immutable; safe to share between threads.
/// </summary>
public class ImportError : PythonException
{
    public ImportError(string message, string? name = null, string? path = null, Exception? inner = null)
        : this("ImportError", message, name, path, inner)
    {
    }

    protected ImportError(string typeName, string message, string? name, string? path, Exception? inner)
        : base(typeName, message, inner)
    {
        Name = name;
        Path = path;
    }

    /// <summary><c>exc.name</c>: the module that could not be imported, or None.</summary>
    public string? Name { get; }

    /// <summary><c>exc.path</c>: the file that triggered the error, or None.</summary>
    public string? Path { get; }
}

/// <summary>Python's <c>ModuleNotFoundError</c> (a subclass of <see cref="ImportError"/>).</summary>
public sealed class ModuleNotFoundError : ImportError
{
    public ModuleNotFoundError(string message, string? name = null, string? path = null)
        : base("ModuleNotFoundError", message, name, path, null)
    {
    }

    /// <summary>CPython's text for a name that no finder could locate (<c>_ERR_MSG.format(name)</c>, the name repr'd).</summary>
    public static ModuleNotFoundError NoModuleNamed(string name) => new($"No module named {PythonRepr.Str(name)}", name);
}

namespace ActorImport.Model;

/// <summary>
/// Typed views of a module's special attributes. Each getter reads the namespace entry and
/// returns it when it has the expected type, else null (missing, None, or something else);
/// each setter binds the entry (null binds None). Thread-safety as <see cref="ModuleObject"/>.
/// </summary>
public partial class ModuleObject
{
    /// <summary><c>__spec__</c>.</summary>
    public ModuleSpec? Spec
    {
        get => GetAttributeOrDefault("__spec__") as ModuleSpec;
        set => SetAttribute("__spec__", value);
    }

    /// <summary><c>__loader__</c>.</summary>
    public ILoader? Loader
    {
        get => GetAttributeOrDefault("__loader__") as ILoader;
        set => SetAttribute("__loader__", value);
    }

    /// <summary><c>__package__</c>.</summary>
    public string? Package
    {
        get => GetAttributeOrDefault("__package__") as string;
        set => SetAttribute("__package__", value);
    }

    /// <summary><c>__path__</c>: the package's search locations (the spec's list object itself).</summary>
    public IList<string>? Path
    {
        get => GetAttributeOrDefault("__path__") as IList<string>;
        set => SetAttribute("__path__", value);
    }

    /// <summary><c>__file__</c>.</summary>
    public string? File
    {
        get => GetAttributeOrDefault("__file__") as string;
        set => SetAttribute("__file__", value);
    }

    /// <summary><c>__cached__</c>.</summary>
    public string? Cached
    {
        get => GetAttributeOrDefault("__cached__") as string;
        set => SetAttribute("__cached__", value);
    }

    /// <summary><c>__doc__</c>.</summary>
    public string? Doc
    {
        get => GetAttributeOrDefault("__doc__") as string;
        set => SetAttribute("__doc__", value);
    }

    /// <summary>True when the module has a <c>__path__</c> attribute (of any value): it is a package.</summary>
    public bool IsPackage => HasAttribute("__path__");

    /// <summary>
    /// True when <paramref name="name"/> is unbound or bound to None — the "absent" test of
    /// <c>_init_module_attrs</c> (<c>getattr(module, name, None) is None</c>).
    /// </summary>
    public bool IsUnsetOrNone(string name) => GetAttributeOrDefault(name) is null;
}

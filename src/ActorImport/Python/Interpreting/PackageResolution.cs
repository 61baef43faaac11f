using ActorImport.Model;

namespace ActorImport.Python.Interpreting;

/// <summary>
/// importlib's <c>_calc___package__</c> and <c>_resolve_name</c>, for the relative names a body
/// passes to <c>importlib.import_module</c> and for matching <c>__lazy_modules__</c>. Stateless.
/// </summary>
internal static class PackageResolution
{
    /// <summary><c>__package__</c>, else <c>__spec__.parent</c>, else <c>__name__</c> (its parent unless it is a package).</summary>
    public static string? CalculatePackage(ModuleObject globals)
    {
        if (globals.GetAttributeOrDefault("__package__") is string package)
        {
            return package;
        }
        if (globals.GetAttributeOrDefault("__spec__") is ModuleSpec spec)
        {
            return spec.Parent;
        }
        if (globals.GetAttributeOrDefault("__name__") is not string name)
        {
            return null;
        }
        if (globals.HasAttribute("__path__"))
        {
            return name;
        }
        int dot = name.LastIndexOf('.');
        return dot < 0 ? string.Empty : name[..dot];
    }

    /// <summary><c>_resolve_name(name, package, level)</c> with CPython's errors.</summary>
    public static string Resolve(string name, string? package, int level)
    {
        if (level == 0)
        {
            return name;
        }
        if (string.IsNullOrEmpty(package))
        {
            throw new ImportError("attempted relative import with no known parent package");
        }
        string[] bits = package.Split('.');
        if (bits.Length < level)
        {
            throw new ImportError("attempted relative import beyond top-level package");
        }
        string baseName = string.Join('.', bits.Take(bits.Length - (level - 1)));
        return name.Length == 0 ? baseName : $"{baseName}.{name}";
    }
}

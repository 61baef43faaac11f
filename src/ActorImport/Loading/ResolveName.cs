using ActorImport.Model;

namespace ActorImport.Loading;

public static partial class ImportUtil
{
    /// <summary>
    /// <c>importlib.util.resolve_name(name, package)</c>: an absolute name is returned as is; a
    /// relative one (leading dots) needs a non-empty <paramref name="package"/> and is resolved by
    /// <see cref="ResolveName(string, string, int)"/> with the number of dots as the level.
    /// </summary>
    /// <exception cref="ImportError"><c>no package specified for '.x' (required for relative module names)</c>.</exception>
    public static string ResolveName(string name, string? package)
    {
        if (!name.StartsWith('.'))
        {
            return name;
        }
        if (string.IsNullOrEmpty(package))
        {
            throw new ImportError($"no package specified for {PythonRepr.Str(name)} (required for relative module names)");
        }
        int level = 0;
        while (level < name.Length && name[level] == '.')
        {
            level++;
        }
        return ResolveName(name[level..], package, level);
    }

    /// <summary>
    /// <c>_bootstrap._resolve_name(name, package, level)</c>: <c>bits = package.rsplit('.', level - 1)</c>;
    /// fewer than <paramref name="level"/> bits is too far up; the base is <c>bits[0]</c>, and the
    /// result is <c>base.name</c>, or <c>base</c> when <paramref name="name"/> is empty.
    /// </summary>
    /// <exception cref="ImportError"><c>attempted relative import beyond top-level package</c>.</exception>
    public static string ResolveName(string name, string package, int level)
    {
        // rsplit('.', level - 1) yields fewer than `level` parts exactly when the package has
        // fewer than level - 1 dots; bits[0] is the package with its last level - 1 parts cut off.
        string @base = package;
        if (level <= 0)
        {
            // rsplit('.', -1) splits everywhere; bits[0] is the first component (never reached by imports).
            @base = package.Split('.')[0];
            return name.Length > 0 ? $"{@base}.{name}" : @base;
        }
        for (int i = 0; i < level - 1; i++)
        {
            int dot = @base.LastIndexOf('.');
            if (dot < 0)
            {
                throw new ImportError("attempted relative import beyond top-level package");
            }
            @base = @base[..dot];
        }
        return name.Length > 0 ? $"{@base}.{name}" : @base;
    }
}

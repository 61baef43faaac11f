namespace ActorImport.Model;

/// <summary>
/// <c>_bootstrap_external</c>'s own path helpers on POSIX (<c>path_separators = '/'</c>):
/// <c>_path_split</c>, <c>_path_join</c>, <c>_path_isabs</c>. They differ from
/// <see cref="System.IO.Path"/> in small ways CPython's results depend on (e.g. joining skips
/// empty parts and strips trailing separators). Pure functions; safe from any thread.
/// </summary>
internal static class PosixPath
{
    public const char Separator = '/';

    /// <summary><c>_path_split</c>: (head, tail) around the last separator; ('', path) without one.</summary>
    public static (string Head, string Tail) Split(string path)
    {
        int i = path.LastIndexOf(Separator);
        return i < 0 ? (string.Empty, path) : (path[..i], path[(i + 1)..]);
    }

    /// <summary><c>_path_join</c>: non-empty parts, each right-stripped of separators, joined by '/'.</summary>
    public static string Join(params string[] parts) =>
        string.Join(Separator, parts.Where(p => p.Length > 0).Select(p => p.TrimEnd(Separator)));

    /// <summary><c>_path_isabs</c>: starts with a separator.</summary>
    public static bool IsAbsolute(string path) => path.StartsWith(Separator);
}

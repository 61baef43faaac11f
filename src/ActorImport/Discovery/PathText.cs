namespace ActorImport.Discovery;

/// <summary>
/// The path helpers of <c>_bootstrap_external</c> on POSIX (<c>_path_join</c>,
/// <c>_path_abspath</c>, <c>_path_split</c>), exact to the character. Stateless.
/// </summary>
internal static class PathText
{
    /// <summary><c>_path_join</c>: empty parts dropped, trailing separators stripped from each part.</summary>
    public static string Join(string head, string tail)
    {
        if (head.Length == 0)
        {
            return tail.TrimEnd('/');
        }
        if (tail.Length == 0)
        {
            return head.TrimEnd('/');
        }
        return head.TrimEnd('/') + "/" + tail.TrimEnd('/');
    }

    /// <summary><c>_path_abspath</c>: an absolute path is returned unchanged (not normalised).</summary>
    public static string AbsolutePath(string path, string currentDirectory) =>
        path.StartsWith('/') ? path : Join(currentDirectory, path);

    /// <summary><c>_path_split</c>'s head: everything before the last separator.</summary>
    public static string DirectoryOf(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }

    public static string Tail(string dottedName) => dottedName[(dottedName.LastIndexOf('.') + 1)..];

    /// <summary>The current directory, or <c>null</c> when it no longer exists.</summary>
    public static string? CurrentDirectoryOrNull()
    {
        try
        {
            string cwd = Directory.GetCurrentDirectory();
            return Directory.Exists(cwd) ? cwd : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}

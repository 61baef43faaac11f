namespace ActorImport.Model;

/// <summary>
/// <c>os.path.realpath(path)</c> (<c>posixpath._joinrealpath</c>, strict=False) without native
/// calls: the path is made absolute against a given directory, then walked one component at a
/// time; a component that is a symbolic link is replaced by its target (an absolute target
/// restarts from the root, a relative one continues from the directory holding the link), and
/// <c>..</c> is applied only after the components before it were resolved, as the kernel does.
/// A missing component ends the resolution (the rest is appended as written), and so does a
/// loop of more than 40 links (ELOOP). Pure apart from reading the file system; safe from any
/// thread.
/// </summary>
public static class PosixRealPath
{
    private const int MaxLinks = 40;

    /// <summary>The canonical path of <paramref name="path"/>; relative paths are taken from <paramref name="currentDirectory"/>.</summary>
    public static string Resolve(string path, string currentDirectory)
    {
        var pending = new LinkedList<string>(Components(path));
        string resolved = PosixPath.IsAbsolute(path) ? "/" : Resolve(currentDirectory, "/");
        int links = 0;
        bool exists = true;
        while (pending.First is { } first)
        {
            string component = first.Value;
            pending.RemoveFirst();
            if (component is "" or ".")
            {
                continue;
            }
            if (component == "..")
            {
                resolved = Parent(resolved);
                continue;
            }
            string next = resolved == "/" ? "/" + component : resolved + "/" + component;
            string? target = exists ? LinkTarget(next, out exists) : null;
            if (target is null || ++links > MaxLinks)
            {
                resolved = next;
                continue;
            }
            if (PosixPath.IsAbsolute(target))
            {
                resolved = "/";
            }
            foreach (string part in Components(target).Reverse())
            {
                pending.AddFirst(part);
            }
        }
        return resolved;
    }

    private static string[] Components(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static string Parent(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash <= 0 ? "/" : path[..slash];
    }

    /// <summary>The target of the link at <paramref name="path"/>, or null when it is not a link; <paramref name="exists"/> is false when nothing is there.</summary>
    private static string? LinkTarget(string path, out bool exists)
    {
        var info = new FileInfo(path);
        exists = info.Exists || Directory.Exists(path) || info.LinkTarget is not null;
        return exists ? info.LinkTarget : null;
    }
}

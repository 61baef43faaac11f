namespace ActorImport.Configuration;

/// <summary>
/// Turns the configured <c>search.path</c> into directories: <c>"auto"</c> becomes the host
/// CPython's path as <c>python3 -I -S</c> sees it (<see cref="HostPythonPath"/>: the stdlib zip,
/// the standard library, lib-dynload) or, when there is none, the bundled sample tree
/// (<c>samples/default-tree</c> in the repository, or next to the application); other entries
/// are made absolute (<c>~</c> is the home directory). Order is kept and nothing is dropped or
/// de-duplicated, as <c>sys.path</c> keeps what it is given; whether an entry exists is the
/// path finder's business. Thread-safety: immutable; the standard-library probe runs at most
/// once per <see cref="Resolve"/> call.
/// </summary>
public sealed class SearchPathResolver
{
    public const string DefaultTreeFolder = "samples/default-tree";

    private readonly Func<IReadOnlyList<string>?> _findHostPath;

    /// <param name="findHostPath">Returns the host CPython's path entries, or null when there is no CPython.</param>
    /// <param name="defaultTree">The directory "auto" falls back to.</param>
    public SearchPathResolver(Func<IReadOnlyList<string>?> findHostPath, string defaultTree)
    {
        _findHostPath = findHostPath;
        DefaultTree = defaultTree;
    }

    /// <summary>The directory "auto" falls back to.</summary>
    public string DefaultTree { get; }

    /// <summary>A resolver for this machine: probes CPython <paramref name="targetVersion"/>, falls back to the sample tree found from <paramref name="appBase"/>.</summary>
    public static SearchPathResolver ForHost(string targetVersion, string? appBase = null) =>
        new(() => HostPythonPath.Detect(targetVersion)?.SysPath, LocateDefaultTree(appBase ?? AppContext.BaseDirectory));

    /// <summary>The configured entries as directories.</summary>
    /// <param name="relativeTo">Base of relative entries; null means the current directory.</param>
    public IReadOnlyList<string> Resolve(IEnumerable<string> entries, string? relativeTo = null)
    {
        string baseDirectory = relativeTo ?? Directory.GetCurrentDirectory();
        var host = new Lazy<IReadOnlyList<string>>(() => _findHostPath() ?? [DefaultTree], LazyThreadSafetyMode.None);
        var result = new List<string>();
        foreach (string entry in entries)
        {
            if (string.Equals(entry, SearchOptions.Auto, StringComparison.OrdinalIgnoreCase))
            {
                result.AddRange(host.Value);
            }
            else
            {
                result.Add(Path.GetFullPath(ExpandHome(entry), baseDirectory));
            }
        }

        return result;
    }

    /// <summary>
    /// The sample tree: walks up from <paramref name="start"/> to the first directory that holds
    /// <c>samples/default-tree</c> or <c>ActorImport.sln</c> (the repository root); without
    /// either, the folder next to <paramref name="start"/>.
    /// </summary>
    public static string LocateDefaultTree(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, DefaultTreeFolder);
            if (Directory.Exists(candidate) || File.Exists(Path.Combine(dir.FullName, "ActorImport.sln")))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return Path.GetFullPath(Path.Combine(start, DefaultTreeFolder));
    }

    private static string ExpandHome(string entry) =>
        entry == "~" || entry.StartsWith("~/", StringComparison.Ordinal)
            ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + entry[1..]
            : entry;
}

using ActorImport.Loading;
using ActorImport.Model;

namespace ActorImport.Discovery;

/// <summary>
/// <c>importlib.machinery.FileFinder</c>: finds modules, packages and namespace portions in one
/// directory. The directory listing is cached and refilled when the directory's mtime changes
/// or after <see cref="InvalidateCaches"/>; lookups are case-sensitive (PEP 235 on Linux).
/// Thread-safety: safe from any thread — the listing is an immutable set swapped atomically,
/// so concurrent lookups see either the old or the new listing. In the engine a path-entry
/// actor owns each finder, so calls are serialised anyway.
/// </summary>
public sealed class FileFinder : IPathEntryFinder, IPublishedPathEntryFinder, IThreadSafe
{
    private readonly (string Suffix, Func<string, string, ILoader> Create)[] _loaders;
    private readonly BytecodeCacheOptions _cacheOptions;
    private readonly Lock _refill = new();
    private Listing _listing = new(long.MinValue, EmptyNames);

    /// <param name="path">The directory; empty or <c>.</c> is the current directory, a relative path is made absolute.</param>
    /// <param name="loaders">The <c>(loader, suffixes)</c> details; default <see cref="SupportedFileLoader.Default"/> without a body runner.</param>
    public FileFinder(string path, IReadOnlyList<SupportedFileLoader>? loaders = null, BytecodeCacheOptions? cacheOptions = null)
    {
        _cacheOptions = cacheOptions ?? BytecodeCacheOptions.CPython311;
        Path = path.StartsWith('/') ? path
            : path.Length == 0 || path == "." ? Directory.GetCurrentDirectory()
            : PathText.AbsolutePath(path, Directory.GetCurrentDirectory());
        // As CPython's __init__: one (suffix, loader) pair per suffix, in the details' order.
        _loaders = [.. (loaders ?? SupportedFileLoader.Default()).SelectMany(d => d.Suffixes.Select(suffix => (suffix, d.Create)))];
    }

    /// <summary><c>finder.path</c>: the absolute directory.</summary>
    public string Path { get; }

    /// <summary>
    /// <c>FileFinder.path_hook(*loader_details)</c>: a hook that accepts directories only and
    /// declines anything else with <c>ImportError('only directories are supported')</c>.
    /// </summary>
    public static PathHook PathHook(IReadOnlyList<SupportedFileLoader>? loaders = null, BytecodeCacheOptions? cacheOptions = null) => new Hook(loaders, cacheOptions).Invoke;

    /// <summary>The hook's target: engine-owned, so the engine may call it from several threads.</summary>
    private sealed class Hook(IReadOnlyList<SupportedFileLoader>? loaders, BytecodeCacheOptions? cacheOptions) : IThreadSafe, IPathHookPrecheck
    {
        public bool Declines(string entry) => !Directory.Exists(entry.Length == 0 ? "." : entry);

        public IPathEntryFinder Invoke(string entry)
        {
            string directory = entry.Length == 0 ? "." : entry;
            if (!Directory.Exists(directory))
            {
                throw new ImportError("only directories are supported", path: entry);
            }
            return new FileFinder(entry, loaders, cacheOptions);
        }
    }

    public ModuleSpec? FindSpec(string fullname, ModuleObject? target = null) => Find(fullname, CurrentListing());

    /// <summary>True once a listing has been read (until <see cref="InvalidateCaches"/>).</summary>
    public bool HasListing => Volatile.Read(ref _listing).Mtime != long.MinValue;

    /// <summary>
    /// The lookup without refreshing: answers only when the published listing is still current
    /// (the directory's mtime has not moved); otherwise leaves the refresh to the owner.
    /// </summary>
    public bool TryFindSpecIfFresh(string fullname, out ModuleSpec? spec)
    {
        Listing listing = Volatile.Read(ref _listing);
        if (listing.Mtime == long.MinValue || listing.Mtime != DirectoryMtime(Path))
        {
            spec = null;
            return false;
        }
        spec = Find(fullname, listing.Names);
        return true;
    }

    /// <summary><c>FileFinder.find_spec</c> against one listing.</summary>
    private ModuleSpec? Find(string fullname, IReadOnlySet<string> cache)
    {
        string tail = PathText.Tail(fullname);
        if (tail.Contains('\0'))
        {
            return null; // _path_join would raise ValueError: CPython answers None.
        }
        bool isNamespace = false;
        string basePath = PathText.Join(Path, tail);
        // 1. A directory of that name is a package if it holds __init__ with a known suffix.
        if (cache.Contains(tail))
        {
            foreach ((string Suffix, Func<string, string, ILoader> Create) kind in _loaders)
            {
                string initPath = PathText.Join(basePath, "__init__" + kind.Suffix);
                if (IsFile(initPath))
                {
                    return SpecFor(kind.Create, fullname, initPath, [basePath]);
                }
            }
            isNamespace = Directory.Exists(basePath);
        }
        // 2. A file with a known suffix, in loader order (extension before .py before .pyc).
        foreach ((string Suffix, Func<string, string, ILoader> Create) kind in _loaders)
        {
            if (cache.Contains(tail + kind.Suffix))
            {
                string fullPath = PathText.Join(Path, tail + kind.Suffix);
                if (IsFile(fullPath))
                {
                    return SpecFor(kind.Create, fullname, fullPath, null);
                }
            }
        }
        // 3. Otherwise a directory without __init__ is a namespace portion.
        if (isNamespace)
        {
            return new ModuleSpec(fullname, null) { SubmoduleSearchLocations = new List<string> { basePath } };
        }
        return null;
    }

    /// <summary>Forgets the listing's mtime so the next lookup re-reads the directory.</summary>
    public void InvalidateCaches()
    {
        lock (_refill)
        {
            _listing = _listing with { Mtime = long.MinValue };
        }
    }

    /// <summary>The directory's names as of its current mtime (re-listed when it changed).</summary>
    private IReadOnlySet<string> CurrentListing()
    {
        long mtime = DirectoryMtime(Path);
        Listing listing = Volatile.Read(ref _listing);
        if (listing.Mtime == mtime)
        {
            return listing.Names;
        }
        lock (_refill)
        {
            if (_listing.Mtime != mtime)
            {
                _listing = new Listing(mtime, ReadNames(Path));
            }
            return _listing.Names;
        }
    }

    /// <summary><c>st_mtime</c> of the directory in ticks, or -1 when it cannot be read.</summary>
    private static long DirectoryMtime(string path)
    {
        try
        {
            var info = new DirectoryInfo(path);
            return info.Exists ? info.LastWriteTimeUtc.Ticks : -1;
        }
        catch (IOException)
        {
            return -1;
        }
        catch (UnauthorizedAccessException)
        {
            return -1;
        }
    }

    /// <summary><c>_fill_cache</c>: <c>os.listdir</c>, empty for a missing or unreadable directory.</summary>
    private static IReadOnlySet<string> ReadNames(string path)
    {
        try
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (string entry in Directory.EnumerateFileSystemEntries(path))
            {
                names.Add(entry[(entry.LastIndexOf('/') + 1)..]);
            }
            return names;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return EmptyNames;
        }
    }

    /// <summary>
    /// <c>_get_spec</c>: <c>spec_from_file_location(fullname, path, loader=loader,
    /// submodule_search_locations=smsl)</c>, with this finder's cache options.
    /// </summary>
    private ModuleSpec SpecFor(Func<string, string, ILoader> create, string fullname, string path, List<string>? searchLocations) =>
        ImportUtil.SpecFromFileLocation(fullname, path, create(fullname, path), searchLocations, cacheOptions: _cacheOptions)!;

    public override string ToString() => $"FileFinder('{Path}')";

    private static readonly IReadOnlySet<string> EmptyNames = new HashSet<string>();

    private sealed record Listing(long Mtime, IReadOnlySet<string> Names);

    /// <summary>
    /// <c>_path_isfile</c>: <c>os.stat</c> follows symbolic links, so a dangling or looping link
    /// (ELOOP) is no file. (.NET's <c>File.Exists</c> falls back to the link itself and says yes.)
    /// </summary>
    private static bool IsFile(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return false;
        }
        if (info.LinkTarget is null)
        {
            return true;
        }
        try
        {
            return info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo { Exists: true };
        }
        catch (IOException)
        {
            return false;
        }
    }
}

namespace ActorImport.Model;

/// <summary>
/// <c>importlib.machinery.ModuleSpec</c>: everything the import system knows about a module
/// before loading it. Thread-safety: a spec is built by one finder and then published; its
/// mutable members (<see cref="Cached"/>, <see cref="HasLocation"/>, <see cref="LoaderState"/>)
/// are only changed by the module's owner while initialising, as in CPython.
/// </summary>
public class ModuleSpec
{
    public ModuleSpec(string name, ILoader? loader, string? origin = null, object? loaderState = null, bool? isPackage = null)
    {
        Name = name;
        Loader = loader;
        Origin = origin;
        LoaderState = loaderState;
        SubmoduleSearchLocations = isPackage == true ? new List<string>() : null;
    }

    public string Name { get; set; }

    public ILoader? Loader { get; set; }

    public string? Origin { get; set; }

    public object? LoaderState { get; set; }

    /// <summary><c>submodule_search_locations</c>: a list for a package, <c>null</c> for a module.</summary>
    public IList<string>? SubmoduleSearchLocations { get; set; }

    /// <summary><c>has_location</c> (CPython's <c>_set_fileattr</c>): origin is a loadable file path.</summary>
    public bool HasLocation { get; set; }

    private string? _cached;
    private bool _cachedSet;

    /// <summary>
    /// <c>cached</c>: computed on first read from <see cref="Origin"/> when the spec has a
    /// location (source suffix → <c>cache_from_source</c>; bytecode suffix → origin itself).
    /// </summary>
    public string? Cached
    {
        get
        {
            if (!_cachedSet && Origin is not null && HasLocation)
            {
                _cached = CachedPathRule?.Invoke(Origin);
                _cachedSet = true;
            }
            return _cached;
        }
        set
        {
            _cached = value;
            _cachedSet = true;
        }
    }

    /// <summary>
    /// How <see cref="Cached"/> is derived from an origin (CPython's <c>_get_cached</c>). Set
    /// once at start-up by the Loading layer, which knows the cache tag; <c>null</c> means no
    /// cached path can be computed.
    /// </summary>
    public static Func<string, string?>? CachedPathRule { get; set; }

    /// <summary><c>parent</c>: the package name a module belongs to.</summary>
    public string Parent => SubmoduleSearchLocations is null
        ? (Name.LastIndexOf('.') is int dot and >= 0 ? Name[..dot] : string.Empty)
        : Name;
}

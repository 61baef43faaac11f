namespace ActorImport.Model;

/// <summary>
/// <c>importlib.machinery.ModuleSpec</c>: everything the import system knows about a module
/// before loading it. Fields as in <c>_bootstrap.ModuleSpec</c>; <see cref="Cached"/>,
/// <see cref="Parent"/> and <see cref="HasLocation"/> are its properties.
/// Thread-safety: a spec is built by one finder and then published; its mutable members are only
/// changed by the module's owner while initialising (as in CPython, where the import lock
/// serialises that). The lazy computation of <see cref="Cached"/> is idempotent, so concurrent
/// readers may race on it harmlessly.
/// Equality: <see cref="object.Equals(object)"/> stays reference identity (specs are used as keys
/// by identity); Python's <c>==</c> is <see cref="PythonEquals"/>.
/// </summary>
public class ModuleSpec
{
    private string? _cached;

    /// <summary>
    /// <c>ModuleSpec(name, loader, *, origin=None, loader_state=None, is_package=None)</c>:
    /// <c>submodule_search_locations</c> is an empty list when <paramref name="isPackage"/> is true,
    /// else None. <paramref name="cacheOptions"/> are the creating engine's cache settings
    /// (default: CPython 3.11's), used to compute <see cref="Cached"/>.
    /// </summary>
    public ModuleSpec(string name, ILoader? loader, string? origin = null, object? loaderState = null, bool? isPackage = null, BytecodeCacheOptions? cacheOptions = null)
    {
        Name = name;
        Loader = loader;
        Origin = origin;
        LoaderState = loaderState;
        SubmoduleSearchLocations = isPackage == true ? new List<string>() : null;
        CacheOptions = cacheOptions ?? BytecodeCacheOptions.CPython311;
    }

    /// <summary><c>name</c>: the module's fully qualified name.</summary>
    public string Name { get; set; }

    /// <summary><c>loader</c>; null for a namespace package until <c>module_from_spec</c> fills it in.</summary>
    public ILoader? Loader { get; set; }

    /// <summary><c>origin</c>: the file a module was loaded from, or a description (<c>built-in</c>, <c>frozen</c>).</summary>
    public string? Origin { get; set; }

    /// <summary><c>loader_state</c>: loader-specific data, opaque to the import system.</summary>
    public object? LoaderState { get; set; }

    /// <summary><c>submodule_search_locations</c>: a list for a package, <c>null</c> for a module.</summary>
    public IList<string>? SubmoduleSearchLocations { get; set; }

    /// <summary><c>has_location</c> (CPython's <c>_set_fileattr</c>): origin is a loadable location.</summary>
    public bool HasLocation { get; set; }

    /// <summary>The cache settings <see cref="Cached"/> is computed with (the creating engine's).</summary>
    public BytecodeCacheOptions CacheOptions { get; set; }

    /// <summary>
    /// <c>cached</c>: while unset (None) and the spec has a location, it is computed from
    /// <see cref="Origin"/> by <c>_get_cached</c> — <c>.py</c> → <c>cache_from_source</c>, <c>.pyc</c> →
    /// the origin itself, anything else → None. As in CPython, assigning None re-enables the
    /// computation on the next read.
    /// </summary>
    public string? Cached
    {
        get
        {
            if (_cached is null && Origin is not null && HasLocation)
            {
                _cached = CacheOptions.GetCached(Origin);
            }
            return _cached;
        }
        set => _cached = value;
    }

    /// <summary><c>parent</c>: the name itself for a package, otherwise the text before the last dot ('' at top level).</summary>
    public string Parent => SubmoduleSearchLocations is null
        ? (Name.LastIndexOf('.') is int dot and >= 0 ? Name[..dot] : string.Empty)
        : Name;

    /// <summary>True when <see cref="SubmoduleSearchLocations"/> is set (the module is a package).</summary>
    public bool IsPackage => SubmoduleSearchLocations is not null;

    /// <summary>
    /// <c>ModuleSpec.__repr__</c>: <c>ModuleSpec(name='a', loader=…, origin='…', submodule_search_locations=[…])</c>;
    /// origin and search locations appear only when not None; the loader prints as its repr
    /// (<see cref="PythonRepr.Of"/>), the locations as <c>str(list)</c> (or their own repr, e.g.
    /// <c>_NamespacePath([…])</c>, when they implement <see cref="IPythonRepr"/>).
    /// </summary>
    public string Repr()
    {
        var args = new List<string> { $"name={PythonRepr.Of(Name)}", $"loader={PythonRepr.Of(Loader)}" };
        if (Origin is not null)
        {
            args.Add($"origin={PythonRepr.Of(Origin)}");
        }
        if (SubmoduleSearchLocations is IList<string> locations)
        {
            args.Add($"submodule_search_locations={LocationsRepr(locations)}");
        }
        return $"ModuleSpec({string.Join(", ", args)})";
    }

    /// <summary>CPython's repr; see <see cref="Repr"/>.</summary>
    public override string ToString() => Repr();

    /// <summary>
    /// Python's <c>spec == other</c>: name, loader (the same object or an equal one), origin,
    /// submodule_search_locations (element-wise when both are plain lists), cached and has_location.
    /// </summary>
    public bool PythonEquals(ModuleSpec? other) =>
        other is not null
        && Name == other.Name
        && Equals(Loader, other.Loader)
        && Origin == other.Origin
        && LocationsEqual(SubmoduleSearchLocations, other.SubmoduleSearchLocations)
        && Cached == other.Cached
        && HasLocation == other.HasLocation;

    private static string LocationsRepr(IList<string> locations) =>
        locations is IPythonRepr custom ? custom.Repr() : PythonRepr.List(locations);

    private static bool LocationsEqual(IList<string>? a, IList<string>? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }
        if (a is null || b is null)
        {
            return false;
        }
        // A list equals a list of equal items; other sequence types (a _NamespacePath) have no
        // __eq__ of their own in CPython, so they compare by identity.
        bool aPlain = a is List<string> or string[];
        bool bPlain = b is List<string> or string[];
        return aPlain && bPlain ? a.SequenceEqual(b, StringComparer.Ordinal) : a.Equals(b);
    }
}

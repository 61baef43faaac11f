namespace ActorImport.Model;

/// <summary>
/// The interpreter's bytecode-cache settings, the one type for them: what a cache path depends
/// on (<c>sys.implementation.cache_tag</c>, <c>sys.flags.optimize</c>, <c>sys.pycache_prefix</c>)
/// and how cache files are read and written (<c>sys.dont_write_bytecode</c>,
/// <c>py_compile.PycInvalidationMode</c>, <c>--check-hash-based-pycs</c>, the header magic).
/// A spec records the options of the engine that created it so that
/// <see cref="ModuleSpec.Cached"/> is computed as that engine's <c>_get_cached</c> would; the
/// compiled-module cache reads and writes with them. Immutable; safe from any thread.
/// </summary>
/// <param name="CacheTag"><c>sys.implementation.cache_tag</c>; null means no bytecode caching (<c>cached</c> is None for sources).</param>
/// <param name="Optimize"><c>sys.flags.optimize</c> (0, 1 or 2).</param>
/// <param name="PycachePrefix"><c>sys.pycache_prefix</c>, or null for <c>__pycache__</c> next to the source.</param>
public sealed record BytecodeCacheOptions(string? CacheTag, int Optimize = 0, string? PycachePrefix = null)
{
    /// <summary>The engine's own cache tag, so that CPython's <c>cpython-311</c> files are never touched.</summary>
    public const string ActorImportCacheTag311 = "actorimport-311";

    /// <summary>What CPython 3.11 reports by default: tag <c>cpython-311</c>, optimize 0, no prefix.</summary>
    public static BytecodeCacheOptions CPython311 { get; } = new(PythonTarget.CacheTag311);

    /// <summary>The engine's defaults for its own cache files: tag <see cref="ActorImportCacheTag311"/>, otherwise CPython's.</summary>
    public static BytecodeCacheOptions ActorImport311 { get; } = new(ActorImportCacheTag311);

    /// <summary>False is <c>sys.dont_write_bytecode</c>: caches are read but never written.</summary>
    public bool WriteBytecode { get; init; } = true;

    /// <summary>The kind of pyc written when no earlier file decides it.</summary>
    public PycInvalidationMode InvalidationMode { get; init; } = PycInvalidationMode.Timestamp;

    /// <summary>Which hash-based pycs are checked against their source.</summary>
    public CheckHashBasedPycs CheckHashBasedPycs { get; init; } = CheckHashBasedPycs.Default;

    /// <summary>The header magic (CPython 3.11's: the header is PEP 552's, validated as CPython validates it).</summary>
    public uint RawMagicNumber { get; init; } = PythonTarget.RawMagicNumber311;

    /// <summary><c>_get_cached(filename)</c> under these settings (see <see cref="CachePaths.GetCached"/>).</summary>
    public string? GetCached(string filename) => CachePaths.GetCached(filename, CacheTag, Optimize, PycachePrefix);

    /// <summary><c>cache_from_source(path)</c> under these settings; a null tag is CPython's <c>NotImplementedError</c>.</summary>
    public string CacheFromSource(string path) => CachePaths.CacheFromSource(path, null, CacheTag, Optimize, PycachePrefix);
}

namespace ActorImport.Model;

/// <summary>
/// The interpreter settings a cache path depends on: <c>sys.implementation.cache_tag</c>,
/// <c>sys.flags.optimize</c> and <c>sys.pycache_prefix</c>. A spec records the options of the
/// engine that created it so that <see cref="ModuleSpec.Cached"/> is computed as that engine's
/// <c>_get_cached</c> would. Immutable; safe from any thread.
/// </summary>
/// <param name="CacheTag"><c>sys.implementation.cache_tag</c>; null means no bytecode caching (<c>cached</c> is None for sources).</param>
/// <param name="Optimize"><c>sys.flags.optimize</c> (0, 1 or 2).</param>
/// <param name="PycachePrefix"><c>sys.pycache_prefix</c>, or null.</param>
public sealed record BytecodeCacheOptions(string? CacheTag, int Optimize = 0, string? PycachePrefix = null)
{
    /// <summary>What CPython 3.11 reports by default: tag <c>cpython-311</c>, optimize 0, no prefix.</summary>
    public static BytecodeCacheOptions CPython311 { get; } = new("cpython-311");
}

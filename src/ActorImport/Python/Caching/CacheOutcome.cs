namespace ActorImport.Python.Caching;

/// <summary>What one <see cref="CompiledModuleCache.GetCode"/> did with the cache file. Immutable.</summary>
/// <param name="Hit">The module came from the cache file.</param>
/// <param name="Rejection">Why an existing cache file was ignored (stale, bad magic, truncated, hash mismatch, malformed), else null.</param>
/// <param name="Written">A new cache file was written.</param>
public sealed record CacheOutcome(string CachePath, bool Hit, string? Rejection, bool Written);

namespace ActorImport.Loading;

/// <summary>
/// <c>importlib.util</c> (and the helpers of <c>_bootstrap</c> / <c>_bootstrap_external</c> it
/// re-exports), one function per file: <c>SourceHash</c>, <c>SpecFromLoader</c>,
/// <c>SpecFromFileLocation</c>, <c>ModuleFromSpec</c>, <c>ResolveName</c>. The cache-path functions
/// (<c>cache_from_source</c>, <c>source_from_cache</c>) are <see cref="Model.CachePaths"/>, beside the
/// spec whose <c>cached</c> they define. Stateless: every function is safe from any thread; the objects passed in
/// keep their own thread-safety rules.
/// </summary>
public static partial class ImportUtil
{
}

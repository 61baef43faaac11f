namespace ActorImport.Loading;

/// <summary>
/// <c>importlib.util</c> (and the helpers of <c>_bootstrap</c> / <c>_bootstrap_external</c> it
/// re-exports), one function per file: <c>CacheFromSource</c>, <c>SourceFromCache</c>,
/// <c>SourceHash</c>, <c>SpecFromLoader</c>, <c>SpecFromFileLocation</c>, <c>ModuleFromSpec</c>,
/// <c>ResolveName</c>. Stateless: every function is safe from any thread; the objects passed in
/// keep their own thread-safety rules.
/// </summary>
public static partial class ImportUtil
{
}

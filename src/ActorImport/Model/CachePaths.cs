using System.Globalization;

namespace ActorImport.Model;

/// <summary>
/// PEP 3147 / PEP 488 cache paths: <c>importlib.util.cache_from_source</c>,
/// <c>source_from_cache</c> and <c>_bootstrap_external._get_cached</c> (the rule behind
/// <see cref="ModuleSpec.Cached"/>, which is why they live beside the spec and not in Loading:
/// the model must not depend on the loaders). Pure functions; safe from any thread.
/// </summary>
public static class CachePaths
{
    private const string Pycache = "__pycache__";
    private const string OptPrefix = "opt-";

    /// <summary>
    /// <c>importlib.util.cache_from_source(path, *, optimization=None)</c> (PEP 3147 / PEP 488),
    /// for the interpreter described by <paramref name="cacheTag"/> (<c>sys.implementation.cache_tag</c>),
    /// <paramref name="flagsOptimize"/> (<c>sys.flags.optimize</c>) and <paramref name="pycachePrefix"/>
    /// (<c>sys.pycache_prefix</c>).
    /// <list type="number">
    /// <item>head/tail split; the tail's stem is the text before its last dot (the whole tail when
    /// it has no dot, and then no separator is added: <c>noext</c> → <c>noextcpython-311.pyc</c>).</item>
    /// <item>optimization <c>null</c> means <c>''</c> at optimize level 0, else that level; a non-empty
    /// value must be alphanumeric and adds <c>.opt-&lt;level&gt;</c>.</item>
    /// <item>the file goes to <c>head/__pycache__/</c>, or under the prefix without <c>__pycache__</c>.</item>
    /// </list>
    /// Errors: <c>NotImplementedError</c> for a null tag, <c>ValueError "'-1' is not alphanumeric"</c>.
    /// </summary>
    public static string CacheFromSource(
        string path,
        string? optimization = null,
        string? cacheTag = PythonTarget.CacheTag311,
        int flagsOptimize = 0,
        string? pycachePrefix = null)
    {
        (string head, string tail) = PosixPath.Split(path);
        int dot = tail.LastIndexOf('.');
        string @base = dot < 0 ? string.Empty : tail[..dot];
        string sep = dot < 0 ? string.Empty : ".";
        string rest = dot < 0 ? tail : tail[(dot + 1)..];
        if (cacheTag is null)
        {
            throw new PythonException("NotImplementedError", "sys.implementation.cache_tag is None");
        }
        string almostFilename = (@base.Length > 0 ? @base : rest) + sep + cacheTag;
        optimization ??= flagsOptimize == 0 ? string.Empty : flagsOptimize.ToString(CultureInfo.InvariantCulture);
        if (optimization.Length > 0)
        {
            if (!PythonStrings.IsAlnum(optimization))
            {
                throw new PythonException("ValueError", $"{PythonRepr.Str(optimization)} is not alphanumeric");
            }
            almostFilename = $"{almostFilename}.{OptPrefix}{optimization}";
        }
        string filename = almostFilename + ".pyc";
        if (pycachePrefix is not null)
        {
            // An absolute, root-relative head keeps two same-named relative trees apart under the prefix.
            if (!PosixPath.IsAbsolute(head))
            {
                head = PosixPath.Join(Directory.GetCurrentDirectory(), head);
            }
            return PosixPath.Join(pycachePrefix, head.TrimStart(PosixPath.Separator), filename);
        }
        return PosixPath.Join(head, Pycache, filename);
    }

    /// <summary><c>cache_from_source(path, optimization=&lt;int&gt;)</c>: the level is <c>str()</c>-ed.</summary>
    public static string CacheFromSource(string path, int optimization, string? cacheTag = PythonTarget.CacheTag311, string? pycachePrefix = null) =>
        CacheFromSource(path, optimization.ToString(CultureInfo.InvariantCulture), cacheTag, 0, pycachePrefix);

    /// <summary>
    /// The deprecated <c>cache_from_source(path, debug_override)</c> form: true means optimization
    /// <c>''</c>, false means <c>1</c>. (CPython also warns; passing both arguments is a TypeError,
    /// which this signature cannot express.)
    /// </summary>
    [Obsolete("debug_override is deprecated in CPython; pass the optimization instead.")]
    public static string CacheFromSource(string path, bool debugOverride, string? cacheTag = PythonTarget.CacheTag311) =>
        CacheFromSource(path, debugOverride ? string.Empty : "1", cacheTag);

    /// <summary>
    /// <c>importlib.util.source_from_cache(path)</c>: the <c>.py</c> a PEP 3147 path was compiled from.
    /// The parent directory must be <c>__pycache__</c> (unless the path is under
    /// <paramref name="pycachePrefix"/>), the name must have 2 or 3 dots, and a third dot needs an
    /// <c>opt-&lt;alnum&gt;</c> part. The tag itself is not checked. Errors are CPython's ValueErrors.
    /// </summary>
    public static string SourceFromCache(string path, string? cacheTag = PythonTarget.CacheTag311, string? pycachePrefix = null)
    {
        if (cacheTag is null)
        {
            throw new PythonException("NotImplementedError", "sys.implementation.cache_tag is None");
        }
        (string head, string pycacheFilename) = PosixPath.Split(path);
        bool foundInPycachePrefix = false;
        if (pycachePrefix is not null)
        {
            string strippedPath = pycachePrefix.TrimEnd(PosixPath.Separator);
            if (head.StartsWith(strippedPath + PosixPath.Separator, StringComparison.Ordinal))
            {
                head = head[strippedPath.Length..];
                foundInPycachePrefix = true;
            }
        }
        if (!foundInPycachePrefix)
        {
            (head, string pycache) = PosixPath.Split(head);
            if (pycache != Pycache)
            {
                throw new PythonException("ValueError", $"{Pycache} not bottom-level directory in {PythonRepr.Str(path)}");
            }
        }
        int dotCount = pycacheFilename.Count(c => c == '.');
        if (dotCount is not (2 or 3))
        {
            throw new PythonException("ValueError", $"expected only 2 or 3 dots in {PythonRepr.Str(pycacheFilename)}");
        }
        if (dotCount == 3)
        {
            string[] parts = pycacheFilename.Split('.');
            string optimization = parts[^2];
            if (!optimization.StartsWith(OptPrefix, StringComparison.Ordinal))
            {
                throw new PythonException("ValueError", $"optimization portion of filename does not start with {PythonRepr.Str(OptPrefix)}");
            }
            string optLevel = optimization[OptPrefix.Length..];
            if (!PythonStrings.IsAlnum(optLevel))
            {
                throw new PythonException("ValueError", $"optimization level {PythonRepr.Str(optimization)} is not an alphanumeric value");
            }
        }
        string baseFilename = pycacheFilename[..pycacheFilename.IndexOf('.')];
        return PosixPath.Join(head, baseFilename + ".py");
    }

    /// <summary>
    /// <c>_bootstrap_external._get_cached(filename)</c>, the rule behind <c>ModuleSpec.cached</c>:
    /// a source file (<c>.py</c>) → its <see cref="CacheFromSource(string, string?, string?, int, string?)"/>
    /// (null if the tag is null); a bytecode file (<c>.pyc</c>) → itself; anything else → null.
    /// </summary>
    public static string? GetCached(string filename, string? cacheTag = PythonTarget.CacheTag311, int flagsOptimize = 0, string? pycachePrefix = null)
    {
        if (filename.EndsWith(".py", StringComparison.Ordinal))
        {
            return cacheTag is null ? null : CacheFromSource(filename, null, cacheTag, flagsOptimize, pycachePrefix);
        }
        return filename.EndsWith(".pyc", StringComparison.Ordinal) ? filename : null;
    }
}

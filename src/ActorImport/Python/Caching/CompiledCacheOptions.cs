using ActorImport.Loading;

namespace ActorImport.Python.Caching;

/// <summary><c>py_compile.PycInvalidationMode</c>: the kind of pyc written when no earlier one decides it.</summary>
public enum PycInvalidationMode
{
    Timestamp,
    CheckedHash,
    UncheckedHash,
}

/// <summary><c>--check-hash-based-pycs</c> (<c>_imp.check_hash_based_pycs</c>).</summary>
public enum CheckHashBasedPycs
{
    /// <summary>Checked hash pycs are validated against the source; unchecked ones are trusted.</summary>
    Default,

    /// <summary>Every hash pyc is validated.</summary>
    Always,

    /// <summary>No hash pyc is validated.</summary>
    Never,
}

/// <summary>How the compiled-module cache reads and writes. Immutable; safe to share.</summary>
public sealed record CompiledCacheOptions
{
    public static CompiledCacheOptions Default { get; } = new();

    /// <summary>The engine's own cache tag, so that CPython's <c>cpython-311</c> files are never touched.</summary>
    public string CacheTag { get; init; } = "actorimport-311";

    /// <summary>False is <c>sys.dont_write_bytecode</c>: caches are read but never written.</summary>
    public bool WriteBytecode { get; init; } = true;

    public PycInvalidationMode InvalidationMode { get; init; } = PycInvalidationMode.Timestamp;

    public CheckHashBasedPycs CheckHashBasedPycs { get; init; } = CheckHashBasedPycs.Default;

    /// <summary>The header magic (CPython 3.11's: the header is PEP 552's, validated as CPython validates it).</summary>
    public uint RawMagicNumber { get; init; } = PythonTarget.RawMagicNumber311;

    /// <summary><c>sys.pycache_prefix</c>, or null for <c>__pycache__</c> next to the source.</summary>
    public string? PycachePrefix { get; init; }
}

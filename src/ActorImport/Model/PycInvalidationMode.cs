namespace ActorImport.Model;

/// <summary>
/// <c>py_compile.PycInvalidationMode</c> (PEP 552): the kind of pyc written when no earlier file
/// decides it. Configured as <c>actor-import.bytecode.mode = timestamp | checked-hash | unchecked-hash</c>.
/// </summary>
public enum PycInvalidationMode
{
    /// <summary>Source mtime and size in the header (CPython's default).</summary>
    Timestamp,

    /// <summary>Source hash in the header, checked against the source on every load.</summary>
    CheckedHash,

    /// <summary>Source hash in the header, trusted without checking.</summary>
    UncheckedHash,
}

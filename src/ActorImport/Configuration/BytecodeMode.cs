using System.ComponentModel;

namespace ActorImport.Configuration;

/// <summary>How cached bytecode is validated (PEP 552). Configured as <c>timestamp | checked-hash | unchecked-hash</c>.</summary>
[TypeConverter(typeof(HyphenatedEnumConverter<BytecodeMode>))]
public enum BytecodeMode
{
    /// <summary>Source mtime and size in the header (CPython's default).</summary>
    Timestamp,

    /// <summary>Source hash in the header, checked against the source on every load.</summary>
    CheckedHash,

    /// <summary>Source hash in the header, trusted without checking.</summary>
    UncheckedHash,
}

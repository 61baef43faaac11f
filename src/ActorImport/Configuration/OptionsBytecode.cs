using ActorImport.Model;

namespace ActorImport.Configuration;

/// <summary>
/// <c>actor-import.bytecode</c>. Thread-safety: as <see cref="ActorImportOptions"/>.
/// </summary>
public sealed class BytecodeOptions
{
    /// <summary><c>mode</c>: <c>timestamp | checked-hash | unchecked-hash</c>. Default timestamp.</summary>
    public PycInvalidationMode Mode { get; set; } = PycInvalidationMode.Timestamp;

    /// <summary><c>write</c>: write compiled bodies to <c>__pycache__</c>. Default true.</summary>
    public bool Write { get; set; } = true;
}

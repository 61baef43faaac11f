namespace ActorImport.Configuration;

/// <summary>
/// <c>actor-import.trace</c>. Thread-safety: as <see cref="ActorImportOptions"/>.
/// </summary>
public sealed class TraceOptions
{
    /// <summary><c>enabled</c>: record import-time trace events. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>output</c>: file for the trace; empty means standard error. Default "".</summary>
    public string Output { get; set; } = "";
}

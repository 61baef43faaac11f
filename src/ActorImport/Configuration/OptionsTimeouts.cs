using Microsoft.Extensions.Configuration;

namespace ActorImport.Configuration;

/// <summary>
/// <c>actor-import.timeouts</c>. Thread-safety: as <see cref="ActorImportOptions"/>.
/// </summary>
public sealed class TimeoutsOptions
{
    /// <summary>
    /// <c>import-wait</c>: how long a chain waits for another chain to finish initialising a
    /// module. Positive or <c>infinite</c> (as CPython, which waits forever). Default infinite.
    /// </summary>
    [ConfigurationKeyName("import-wait")]
    public TimeSpan ImportWait { get; set; } = Timeout.InfiniteTimeSpan;
}

namespace ActorImport.Configuration;

/// <summary>
/// <c>actor-import.dispatcher</c>. Thread-safety: as <see cref="ActorImportOptions"/>.
/// </summary>
public sealed class DispatcherOptions
{
    public const int MinThroughput = 1;
    public const int MaxThroughput = 1_000_000;

    /// <summary>
    /// <c>throughput</c>: messages an actor processes before its thread moves on to another
    /// actor (fairness against cache locality). 1 … 1,000,000; default 30.
    /// </summary>
    public int Throughput { get; set; } = 30;
}

namespace ActorImport.Actors;

/// <summary>
/// Settings of one <see cref="ActorSystem"/>. Set them before <see cref="ActorSystem.Create"/>;
/// the system reads them afterwards from any thread, so do not change them once it runs.
/// Thread-safety: not synchronised; treat as immutable once a system uses it.
/// </summary>
public sealed class ActorSystemSettings
{
    /// <summary>User messages one actor processes before it gives its thread back to the pool.</summary>
    public int Throughput { get; set; } = 30;

    /// <summary>Timeout of an <c>Ask</c> that is given none.</summary>
    public TimeSpan AskTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often pending asks are checked for their deadline; an ask times out at most this late.</summary>
    public TimeSpan AskTimeoutResolution { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Decides for top-level actors (those made by <see cref="ActorSystem.ActorOf"/>) when they fail.</summary>
    public SupervisorStrategy GuardianSupervisorStrategy { get; set; } = SupervisorStrategy.DefaultStrategy;

    /// <summary>
    /// Receives failures and other events worth a line (message, exception or null). Called from
    /// dispatcher threads, concurrently; it must be thread-safe and must not throw.
    /// </summary>
    public Action<string, Exception?> Log { get; set; } = static (message, exception) =>
        Console.Error.WriteLine(exception is null ? $"[actors] {message}" : $"[actors] {message}: {exception}");
}

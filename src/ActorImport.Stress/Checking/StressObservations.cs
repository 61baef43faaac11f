namespace ActorImport.Stress.Checking;

/// <summary>
/// Everything the invariant checker reads about one run, collected after the threads stopped
/// (or were given up on): each thread's observations in its order, what <c>sys.modules</c>
/// holds for the universe's names, the names still initialising, how often each module's body
/// ran (the universe's ledger), the threads that did not finish in time, and the partial
/// hand-overs the engine counted. Tests fabricate these to plant violations. Immutable.
/// </summary>
public sealed record StressObservations
{
    public required IReadOnlyList<IReadOnlyList<ImportObservation>> ByThread { get; init; }

    /// <summary><c>sys.modules</c> after the run, for the universe's names that are in it.</summary>
    public required IReadOnlyDictionary<string, object?> FinalModules { get; init; }

    public IReadOnlyList<string> Initializing { get; init; } = [];

    /// <summary>Body executions per module name (from the ledger); names absent ran zero times.</summary>
    public IReadOnlyDictionary<string, int> Executions { get; init; } = new Dictionary<string, int>();

    public IReadOnlyList<HungThread> Hung { get; init; } = [];

    /// <summary>Partial modules handed out (same chain and across chains).</summary>
    public long Partials { get; init; }
}

/// <summary>A thread still running when the hang detector's bounded wait ended, and the name it was importing. Immutable.</summary>
public sealed record HungThread(int Thread, string? Importing, TimeSpan Waited);

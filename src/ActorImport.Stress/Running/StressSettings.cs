using ActorImport.Engine;
using ActorImport.Configuration;

namespace ActorImport.Stress.Running;

/// <summary>
/// One stress run's settings: threads per seed, universe size, coordination, whether to compare
/// with CPython, lazy universes, the hang detector's bound, and the engine options every seed's
/// engine starts from (its search path goes after the universe's entries). Immutable.
/// </summary>
public sealed record StressSettings
{
    public int Threads { get; init; } = 4;

    /// <summary>Each thread starts one async flow of <c>ImportModuleAsync</c> calls instead of calling <c>ImportModule</c>.</summary>
    public bool AsyncFlows { get; init; }

    /// <summary>Core modules per universe (<see cref="UniverseShape.ModuleCount"/>).</summary>
    public int Modules { get; init; } = 60;

    public CoordinationMode Coordination { get; init; } = CoordinationMode.Actors;

    /// <summary>Also compare a single-thread import of every name with python3's (<see cref="Differential"/>).</summary>
    public bool Differential { get; init; }

    /// <summary>Universes with PEP 810 <c>lazy import</c> statements (no differential: CPython 3.11 cannot parse them).</summary>
    public bool LazyImports { get; init; }

    /// <summary>The hang detector: how long a seed's threads may take before the run is a violation.</summary>
    public TimeSpan HangTimeout { get; init; } = DefaultHangTimeout;

    public static readonly TimeSpan DefaultHangTimeout = TimeSpan.FromSeconds(30);

    /// <summary>What each seed's engine starts from (search path, interpreter, cache); coordination and the wait bound are set per run.</summary>
    public ImportEngineOptions Engine { get; init; } = new();

    public string Python { get; init; } = "python3";

    /// <summary>Where universes are written (each seed in its own directory, deleted afterwards); default the temporary directory.</summary>
    public string? WorkDirectory { get; init; }

    /// <summary>The shape of seed <paramref name="seed"/>'s universe.</summary>
    public UniverseShape ShapeOf(int seed) => UniverseShape.Adversarial(seed, Modules, LazyImports);

    /// <summary>The one-line command that runs seed <paramref name="seed"/> again with these settings.</summary>
    public string ReproCommand(int seed) =>
        $"actorimport stress --seeds {seed}..{seed} --threads {Threads} --modules {Modules} --coordination {Coordination.ToString().ToLowerInvariant()}"
        + (AsyncFlows ? " --async" : "") + (Differential ? " --differential" : "") + (LazyImports ? " --lazy" : "")
        + (HangTimeout == DefaultHangTimeout ? "" : FormattableString.Invariant($" --timeout {HangTimeout.TotalSeconds}"));

    /// <summary>Checks the numbers and combinations, naming what is wrong.</summary>
    public void Validate()
    {
        if (Threads is < 1 or > 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "--threads must be between 1 and 1024");
        }
        if (Modules is < 1 or > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(Modules), Modules, "--modules must be between 1 and 100000");
        }
        if (Differential && LazyImports)
        {
            throw new ArgumentException("--differential cannot be combined with --lazy: CPython 3.11 cannot parse lazy imports");
        }
    }
}

using System.Diagnostics;

namespace ActorImport.Actors;

/// <summary>What happens to an actor whose handler threw.</summary>
public enum Directive
{
    /// <summary>Keep the instance and its state; go on with the next message.</summary>
    Resume,

    /// <summary>Make a new instance from the factory; the mailbox and its queued messages are kept.</summary>
    Restart,

    /// <summary>Stop the actor; queued messages become dead letters.</summary>
    Stop,
}

/// <summary>
/// How a parent treats a failing child (as in Akka: the strategy in a parent's
/// <see cref="Props"/> governs its children; <see cref="ActorSystemSettings.GuardianSupervisorStrategy"/>
/// governs top-level actors). Immutable; shared by many actors on many threads.
/// </summary>
public abstract class SupervisorStrategy
{
    /// <summary>Restart on any exception, except a failed start, which stops; retries unlimited.</summary>
    public static SupervisorStrategy DefaultStrategy { get; } = new OneForOneStrategy(DefaultDecider);

    protected SupervisorStrategy(int maxNrOfRetries, TimeSpan withinTimeRange)
    {
        MaxNrOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange;
    }

    /// <summary>Restarts allowed within <see cref="WithinTimeRange"/>; negative means unlimited.</summary>
    public int MaxNrOfRetries { get; }

    /// <summary>The window the retries are counted in; infinite means "ever".</summary>
    public TimeSpan WithinTimeRange { get; }

    public static Directive DefaultDecider(Exception cause) =>
        cause is ActorInitializationException ? Directive.Stop : Directive.Restart;

    public abstract Directive Decide(Exception cause);

    /// <summary>
    /// Counts one more restart in <paramref name="stats"/> (owned by the failing actor) and says
    /// whether it is allowed; when it is not, the actor is stopped instead.
    /// </summary>
    internal bool RequestRestartPermission(ref RestartStatistics stats)
    {
        if (MaxNrOfRetries < 0 && WithinTimeRange == Timeout.InfiniteTimeSpan)
        {
            return true;
        }
        int max = MaxNrOfRetries < 0 ? 1 : MaxNrOfRetries;
        if (WithinTimeRange == Timeout.InfiniteTimeSpan)
        {
            return ++stats.Count <= max;
        }
        long now = Stopwatch.GetTimestamp();
        if (stats.Count == 0 || Stopwatch.GetElapsedTime(stats.WindowStart, now) > WithinTimeRange)
        {
            stats = new RestartStatistics { Count = 1, WindowStart = now };
            return max >= 1;
        }
        return ++stats.Count <= max;
    }
}

/// <summary>Restarts counted for one actor. Owned by that actor's cell; not shared.</summary>
internal struct RestartStatistics
{
    public int Count;
    public long WindowStart;
}

/// <summary>
/// Decides for each failing child on its own (Akka's OneForOneStrategy). Immutable.
/// </summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    private readonly Func<Exception, Directive> _decider;

    public OneForOneStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider)
        : base(maxNrOfRetries, withinTimeRange)
    {
        _decider = decider ?? throw new ArgumentNullException(nameof(decider));
    }

    public OneForOneStrategy(Func<Exception, Directive> decider)
        : this(-1, Timeout.InfiniteTimeSpan, decider)
    {
    }

    public override Directive Decide(Exception cause) => _decider(cause);
}

using Akka.Actor;
using ActorImport.Configuration;

namespace ActorImport.Engine;

/// <summary>
/// The coordination on Akka.NET actors with an optimistic claim. A chain claims a name by adding
/// its <see cref="ClaimSlot"/> (a compare-and-swap, no message) and finishes by closing it (a
/// second CAS); only when the name already carries another chain's slot does it ask the
/// <see cref="CoordinatorActor"/> (one Ask, with the ask timeout), which marks the slot contended
/// (so the owner reports Finished with a Tell), keeps the wait-for graph, hands partial modules
/// over on cycles, and gives the attempt a <see cref="ModuleActor"/> that holds its waiters.
/// A cached import sends nothing (the engine reads the published map first); an uncontended cold
/// import sends nothing either; fresh claims (<c>_load</c>, <c>_exec</c>, reload) always ask.
/// Thread-safety: every member may be called from any thread.
/// </summary>
public sealed class ActorCoordination : IImportCoordination
{
    private readonly IActorRef _coordinator;
    private readonly TimeSpan _askTimeout;
    private readonly ModuleMap _modules;
    private readonly ClaimSlots _slots;

    internal ActorCoordination(ImportActorSystem actors, ModuleMap modules, EngineStatistics statistics)
    {
        Statistics = statistics;
        _modules = modules;
        _askTimeout = actors.AskTimeout;
        var state = new CoordinatorState(modules, Statistics, actors.DispatcherId);
        _slots = state.Slots;
        // Props from arguments, not a lambda: Akka compiles a lambda's expression tree (milliseconds).
        _coordinator = actors.System.ActorOf(Props.Create<CoordinatorActor>(state).WithDispatcher(actors.DispatcherId), $"import-coordinator-{Guid.NewGuid():N}");
    }

    public EngineStatistics Statistics { get; }

    public ClaimReply Claim(string name, ImportChain chain, bool fresh = false) =>
        !fresh && TryClaimWithoutMessage(name, chain) is ClaimReply settled
            ? settled
            : _coordinator.Ask<ClaimReply>(new Claim(name, chain, fresh), _askTimeout).GetAwaiter().GetResult();

    public Task<ClaimReply> ClaimAsync(string name, ImportChain chain) =>
        TryClaimWithoutMessage(name, chain) is ClaimReply settled
            ? Task.FromResult(settled)
            : _coordinator.Ask<ClaimReply>(new Claim(name, chain, false), _askTimeout);

    /// <summary>
    /// The optimistic claim: null when the coordinator must decide (another chain's slot is there).
    /// 1. The chain's own slot, still held: the partial module, or a nested load when its entry is gone.
    /// 2. No slot: add this chain's; then re-read the map, since an owner may have finished between
    ///    the engine's fast-path read and the add: a ready entry gives the slot back (Finished as
    ///    any owner's) and is Ready; otherwise the chain owns the attempt.
    /// </summary>
    private ClaimReply? TryClaimWithoutMessage(string name, ImportChain chain)
    {
        if (_slots.TryGet(name, out ClaimSlot? slot))
        {
            if (ReferenceEquals(slot!.Owner, chain) && !slot.OwnerDone)
            {
                Statistics.Claimed();
                return SameChain(name, _modules, Statistics);
            }
            return null;
        }
        var mine = new ClaimSlot(chain);
        if (!_slots.TryAdd(name, mine))
        {
            return null;
        }
        Statistics.Claimed();
        if (_modules.TryGetEntry(name, out ModuleEntry? entry) && entry!.Owner is null)
        {
            ClaimReply ready = ClaimReply.Ready(entry.Value);
            Finished(name, chain, ready);
            return ready;
        }
        return ClaimReply.Own;
    }

    /// <summary>A claim on a name the chain holds already: CPython's re-entrant module lock.</summary>
    internal static ClaimReply SameChain(string name, ModuleMap modules, EngineStatistics statistics)
    {
        if (modules.TryGetEntry(name, out ModuleEntry? own))
        {
            statistics.SameChainPartial();
            return ClaimReply.Partial(own!.Value);
        }
        return ClaimReply.OwnNested;
    }

    /// <summary>
    /// The owner closes its slot: uncontended, that is all (no message); contended (the
    /// coordinator won the CAS), it tells the coordinator, which releases the waiters.
    /// </summary>
    public void Finished(string name, ImportChain chain, ClaimReply result)
    {
        if (_slots.TryGet(name, out ClaimSlot? slot) && ReferenceEquals(slot!.Owner, chain) && !slot.OwnerDone)
        {
            slot.OwnerDone = true;
            if (slot.TryCloseUncontended())
            {
                _slots.Remove(name, slot);
                return;
            }
        }
        _coordinator.Tell(new Finished(name, chain, result));
    }

    public void Abandon(string name, ImportChain chain, Task<ClaimReply> pending) =>
        _coordinator.Tell(new AbandonWait(name, chain, pending));

    /// <summary>Diagnostics and tests: the coordinator's bookkeeping (asked, so it is consistent with its message order).</summary>
    internal Task<CoordinationCounts> CountsAsync() => _coordinator.Ask<CoordinationCounts>(CountClaims.Instance, _askTimeout);

    /// <summary>The fault-injection test hook (see <see cref="InjectFault"/>).</summary>
    internal void InjectFault(Exception error, string? moduleName = null) => _coordinator.Tell(new InjectFault(error, moduleName));

    public void SetModule(string name, object? value) =>
        _coordinator.Ask<bool>(new SetModule(name, value), _askTimeout).GetAwaiter().GetResult();

    public bool RemoveModule(string name) =>
        _coordinator.Ask<bool>(new RemoveModule(name), _askTimeout).GetAwaiter().GetResult();

    /// <summary>
    /// How many module actors are alive now (diagnostics): zero whenever no contended attempt is
    /// in flight, since each stops once it has released its waiters.
    /// </summary>
    public Task<int> LiveModuleActorsAsync() => _coordinator.Ask<int>(CountModuleActors.Instance, _askTimeout);

    /// <summary>Stops the coordinator; its module actors stop with it and answer their waiters with <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => _coordinator.Tell(PoisonPill.Instance);

    public override string ToString() => $"actors ({_modules.Count} modules)";
}

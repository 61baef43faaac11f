using Akka.Actor;

namespace ActorImport.Engine;

/// <summary>
/// The coordinator: decides every contended claim (<see cref="ClaimTable"/>; uncontended ones
/// are settled by the chain's claim slot without a message, <see cref="ClaimSlot"/>), keeps the wait-for graph,
/// creates a <see cref="ModuleActor"/> on the first contended claim of an attempt and releases it
/// when the owner reports <see cref="Finished"/>; makes the writes to <c>sys.modules</c> that no
/// claim covers. Its state lives in <see cref="CoordinatorState"/>, created by the engine, so a
/// restart by the supervisor keeps every claim and waiter. A failing handler replies
/// <see cref="Status.Failure"/> (Akka does not fail the asker by itself) and rethrows.
/// Thread-safety: the table and the module actors are touched only by this actor's message
/// handling; the claim slots follow <see cref="ClaimSlot"/>'s writer rules.
/// </summary>
internal sealed class CoordinatorActor : ReceiveActor
{
    private readonly CoordinatorState _state;

    public CoordinatorActor(CoordinatorState state)
    {
        _state = state;
        Receive<Claim>(claim => Reply(() => Decide(claim)));
        Receive<Finished>(OnFinished);
        Receive<SetModule>(set => Reply(() =>
        {
            _state.Modules.Set(set.Name, set.Value);
            return true;
        }));
        Receive<RemoveModule>(remove => Reply(() => _state.Modules.Remove(remove.Name)));
        Receive<CountModuleActors>(_ => Reply(() => Context.GetChildren().Count()));
        Receive<AbandonWait>(OnAbandonWait);
        Receive<CountClaims>(_ => Reply(() => new CoordinationCounts(
            _state.Table.InFlight, _state.Table.WaitEdges, _state.Table.Waiters, Context.GetChildren().Count(), _state.Slots.Count)));
        Receive<InjectFault>(OnInjectFault);
    }

    /// <summary>
    /// A restart keeps the module actors: they hold waiters of attempts still in flight, and the
    /// state (which lives outside this instance) still refers to them. Akka's default would stop
    /// them and strand their waiters.
    /// </summary>
    protected override void PreRestart(Exception reason, object message) => PostStop();

    /// <summary>
    /// A claim that the optimistic path did not settle (the name has another chain's claim slot)
    /// or a fresh one. The loop ends: each pass either settles the claim or retires a closed slot
    /// or loses a CAS to a chain that made progress.
    /// 1. A closed slot (its owner finished uncontended, removal pending): remove it, look again.
    /// 2. The chain's own slot: the partial module, or a nested load when its entry is gone.
    /// 3. Another chain's slot: mark it contended (the owner will then report Finished; if the
    ///    owner closed it first, look again), then the wait-for graph decides: partial module on a
    ///    cycle, otherwise wait through the attempt's module actor.
    /// 4. No slot: Ready when a ready entry exists (not for fresh claims); otherwise the chain owns
    ///    a new attempt under a slot added here.
    /// </summary>
    private object Decide(Claim claim)
    {
        _state.Statistics.Claimed();
        while (true)
        {
            if (_state.Slots.TryGet(claim.Name, out ClaimSlot? slot))
            {
                if (slot!.State == ClaimSlot.Closed)
                {
                    _state.Slots.Remove(claim.Name, slot);
                    continue;
                }
                // A chain's Tell(Finished) precedes its next Ask, so its own slot here is one it still holds.
                if (ReferenceEquals(slot.Owner, claim.Chain))
                {
                    return ActorCoordination.SameChain(claim.Name, _state.Modules, _state.Statistics);
                }
                if (!slot.TryMarkContended())
                {
                    continue;
                }
                ClaimReply? reply = _state.Table.DecideContended(claim.Name, claim.Chain, slot.Owner, _state.Modules, _state.Statistics, out _);
                return reply ?? (object)Wait(claim.Name);
            }
            if (!claim.Fresh && _state.Modules.TryGetEntry(claim.Name, out ModuleEntry? entry) && entry!.Owner is null)
            {
                return ClaimReply.Ready(entry.Value);
            }
            if (_state.Slots.TryAdd(claim.Name, new ClaimSlot(claim.Chain)))
            {
                return ClaimReply.Own;
            }
        }
    }

    /// <summary>The first contended claim of an attempt starts its module actor; later ones join it.</summary>
    private ClaimReply Wait(string name)
    {
        if (!_state.ModuleActors.TryGetValue(name, out IActorRef? moduleActor))
        {
            var waiters = new List<TaskCompletionSource<ClaimReply>>();
            // Props from arguments, not a lambda: Akka compiles a lambda's expression tree (milliseconds).
            moduleActor = Context.ActorOf(Props.Create<ModuleActor>(waiters).WithDispatcher(_state.Dispatcher));
            _state.ModuleActors[name] = moduleActor;
            _state.Statistics.ModuleActorStarted();
        }
        var waiter = new TaskCompletionSource<ClaimReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        moduleActor.Tell(new HoldWaiter(waiter));
        return ClaimReply.Wait(waiter.Task);
    }

    /// <summary>
    /// The owner of a contended slot finished: end the attempt in the wait-for graph, close and
    /// remove the slot (this actor is the only writer of a contended slot), release the waiters.
    /// </summary>
    private void OnFinished(Finished finished)
    {
        if (_state.Table.Finish(finished.Name, finished.Chain) is null)
        {
            return;
        }
        if (_state.Slots.TryGet(finished.Name, out ClaimSlot? slot) && ReferenceEquals(slot!.Owner, finished.Chain))
        {
            slot.CloseContended();
            _state.Slots.Remove(finished.Name, slot);
        }
        if (_state.ModuleActors.Remove(finished.Name, out IActorRef? moduleActor))
        {
            moduleActor.Tell(new Release(finished.Result));
        }
    }

    /// <summary>A waiter left early: drop its edge from the wait-for graph and its task from the module actor.</summary>
    private void OnAbandonWait(AbandonWait abandon)
    {
        _state.Table.Abandon(abandon.Name, abandon.Chain);
        if (_state.ModuleActors.TryGetValue(abandon.Name, out IActorRef? moduleActor))
        {
            moduleActor.Tell(new DropWaiter(abandon.Pending));
        }
    }

    /// <summary>The fault-injection test hook: throw here, or forward to the named module's actor.</summary>
    private void OnInjectFault(InjectFault fault)
    {
        if (fault.ModuleName is null)
        {
            throw fault.Error;
        }
        if (_state.ModuleActors.TryGetValue(fault.ModuleName, out IActorRef? moduleActor))
        {
            moduleActor.Tell(fault with { ModuleName = null });
        }
    }

    private void Reply(Func<object> handle)
    {
        try
        {
            Sender.Tell(handle());
        }
        catch (Exception e)
        {
            Sender.Tell(new Status.Failure(e));
            throw;
        }
    }
}

/// <summary>
/// The coordinator's state, outside the actor instance so that it survives a restart.
/// Thread-safety: <see cref="Table"/> and <see cref="ModuleActors"/> are touched only by the
/// coordinator's message handling; <see cref="Slots"/> is shared (see <see cref="ClaimSlot"/>).
/// </summary>
internal sealed class CoordinatorState(ModuleMap modules, EngineStatistics statistics, string dispatcher)
{
    public ModuleMap Modules { get; } = modules;

    public EngineStatistics Statistics { get; } = statistics;

    public string Dispatcher { get; } = dispatcher;

    /// <summary>The contended attempts and the wait-for graph.</summary>
    public ClaimTable Table { get; } = new();

    /// <summary>The claim slots, shared with the claiming chains (see <see cref="ClaimSlot"/>).</summary>
    public ClaimSlots Slots { get; } = new();

    public Dictionary<string, IActorRef> ModuleActors { get; } = new(StringComparer.Ordinal);
}

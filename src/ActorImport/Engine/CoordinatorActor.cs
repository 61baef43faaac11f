using Akka.Actor;

namespace ActorImport.Engine;

/// <summary>
/// The coordinator: decides every claim (<see cref="ClaimTable"/>), keeps the wait-for graph,
/// creates a <see cref="ModuleActor"/> on the first contended claim of an attempt and releases it
/// when the owner reports <see cref="Finished"/>; makes the writes to <c>sys.modules</c> that no
/// claim covers. Its state lives in <see cref="CoordinatorState"/>, created by the engine, so a
/// restart by the supervisor keeps every claim and waiter. A failing handler replies
/// <see cref="Status.Failure"/> (Akka does not fail the asker by itself) and rethrows.
/// Thread-safety: the state is touched only by this actor's message handling.
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
    }

    /// <summary>
    /// A restart keeps the module actors: they hold waiters of attempts still in flight, and the
    /// state (which lives outside this instance) still refers to them. Akka's default would stop
    /// them and strand their waiters.
    /// </summary>
    protected override void PreRestart(Exception reason, object message) => PostStop();

    private object Decide(Claim claim)
    {
        ClaimReply? reply = _state.Table.Decide(claim.Name, claim.Chain, claim.Fresh, _state.Modules, _state.Statistics, out _);
        if (reply is not null)
        {
            return reply;
        }
        // The first contended claim of this attempt starts its module actor; later ones join it.
        if (!_state.ModuleActors.TryGetValue(claim.Name, out IActorRef? moduleActor))
        {
            var waiters = new List<TaskCompletionSource<ClaimReply>>();
            // Props from arguments, not a lambda: Akka compiles a lambda's expression tree (milliseconds).
            moduleActor = Context.ActorOf(Props.Create<ModuleActor>(waiters).WithDispatcher(_state.Dispatcher));
            _state.ModuleActors[claim.Name] = moduleActor;
            _state.Statistics.ModuleActorStarted();
        }
        var waiter = new TaskCompletionSource<ClaimReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        moduleActor.Tell(new HoldWaiter(waiter));
        return ClaimReply.Wait(waiter.Task);
    }

    private void OnFinished(Finished finished)
    {
        if (_state.Table.Finish(finished.Name, finished.Chain) is not null
            && _state.ModuleActors.Remove(finished.Name, out IActorRef? moduleActor))
        {
            moduleActor.Tell(new Release(finished.Result));
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
/// Thread-safety: touched only by the coordinator's message handling.
/// </summary>
internal sealed class CoordinatorState(ModuleMap modules, EngineStatistics statistics, string dispatcher)
{
    public ModuleMap Modules { get; } = modules;

    public EngineStatistics Statistics { get; } = statistics;

    public string Dispatcher { get; } = dispatcher;

    public ClaimTable Table { get; } = new();

    public Dictionary<string, IActorRef> ModuleActors { get; } = new(StringComparer.Ordinal);
}

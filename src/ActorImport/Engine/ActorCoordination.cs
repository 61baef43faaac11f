using Akka.Actor;
using ActorImport.Configuration;

namespace ActorImport.Engine;

/// <summary>
/// The coordination on Akka.NET actors: one <see cref="CoordinatorActor"/> per engine decides
/// claims (one Ask each, with the ask timeout), finishing is a Tell, contended attempts get a
/// <see cref="ModuleActor"/> that holds their waiters. A cached import sends nothing (the engine
/// reads the published map first); an uncontended cold import sends one Ask and one Tell.
/// Thread-safety: every member may be called from any thread.
/// </summary>
public sealed class ActorCoordination : IImportCoordination
{
    private readonly IActorRef _coordinator;
    private readonly TimeSpan _askTimeout;
    private readonly ModuleMap _modules;

    internal ActorCoordination(ImportActorSystem actors, ModuleMap modules, EngineStatistics statistics)
    {
        Statistics = statistics;
        _modules = modules;
        _askTimeout = actors.AskTimeout;
        var state = new CoordinatorState(modules, Statistics, actors.DispatcherId);
        // Props from arguments, not a lambda: Akka compiles a lambda's expression tree (milliseconds).
        _coordinator = actors.System.ActorOf(Props.Create<CoordinatorActor>(state).WithDispatcher(actors.DispatcherId), $"import-coordinator-{Guid.NewGuid():N}");
    }

    public EngineStatistics Statistics { get; }

    public ClaimReply Claim(string name, ImportChain chain, bool fresh = false) =>
        _coordinator.Ask<ClaimReply>(new Claim(name, chain, fresh), _askTimeout).GetAwaiter().GetResult();

    public Task<ClaimReply> ClaimAsync(string name, ImportChain chain) =>
        _coordinator.Ask<ClaimReply>(new Claim(name, chain, false), _askTimeout);

    public void Finished(string name, ImportChain chain, ClaimReply result) =>
        _coordinator.Tell(new Finished(name, chain, result));

    public void SetModule(string name, object? value) =>
        _coordinator.Ask<bool>(new SetModule(name, value), _askTimeout).GetAwaiter().GetResult();

    public bool RemoveModule(string name) =>
        _coordinator.Ask<bool>(new RemoveModule(name), _askTimeout).GetAwaiter().GetResult();

    /// <summary>
    /// How many module actors are alive now (diagnostics): zero whenever no contended attempt is
    /// in flight, since each stops once it has released its waiters.
    /// </summary>
    public Task<int> LiveModuleActorsAsync() => _coordinator.Ask<int>(CountModuleActors.Instance, _askTimeout);

    public void Dispose() => _coordinator.Tell(PoisonPill.Instance);

    public override string ToString() => $"actors ({_modules.Count} modules)";
}

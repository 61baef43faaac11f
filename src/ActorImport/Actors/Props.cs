namespace ActorImport.Actors;

/// <summary>
/// The recipe for an actor: a factory (called again on every restart) and the strategy this actor
/// applies to its children. Immutable; <c>With…</c> returns a copy. The factory is called on the
/// actor's own dispatcher thread, one call at a time per actor.
/// </summary>
public sealed class Props
{
    private Props(Func<ActorBase> factory, SupervisorStrategy? supervisorStrategy)
    {
        Factory = factory;
        SupervisorStrategy = supervisorStrategy;
    }

    internal Func<ActorBase> Factory { get; }

    /// <summary>How this actor treats its failing children; null means <see cref="SupervisorStrategy.DefaultStrategy"/>.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; }

    public static Props Create<TActor>(Func<TActor> factory) where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(factory, null);
    }

    public Props WithSupervisorStrategy(SupervisorStrategy s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new Props(Factory, s);
    }
}

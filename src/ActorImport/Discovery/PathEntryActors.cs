using Akka.Actor;
using ActorImport.Configuration;
using ActorImport.Model;

namespace ActorImport.Discovery;

/// <summary>
/// The actor transport for <see cref="PathFinder"/>: one <see cref="PathEntrySupervisor"/> per
/// engine in the engine's <see cref="ImportActorSystem"/>, whose children are one
/// <see cref="PathEntryActor"/> per path entry (created on first use, kept for the engine's
/// lifetime). Every lookup is asked of the supervisor, which forwards it to the entry's actor.
/// Every ask has the configured timeout (<c>akka.actor.ask-timeout</c>): an actor
/// that fails answers with the error, one that never answers fails its asker with an
/// <see cref="AskTimeoutException"/> instead of hanging it.
/// Thread-safety: safe from any thread (it holds only immutable references; the supervisor keeps
/// one actor per entry).
/// </summary>
public sealed class PathEntryActors : IPathEntryAsker, IDisposable
{
    private readonly TimeSpan _askTimeout;
    private readonly ActorSystem _system;

    /// <summary>Starts the supervisor in <paramref name="system"/>; entries are looked up by <paramref name="lookup"/>.</summary>
    public PathEntryActors(ImportActorSystem system, PathEntryLookup lookup)
    {
        ArgumentNullException.ThrowIfNull(system);
        _askTimeout = system.AskTimeout;
        _system = system.System;
        Supervisor = system.System.ActorOf(
            Props.Create<PathEntrySupervisor>(lookup, system.DispatcherId).WithDispatcher(system.DispatcherId)); // not an expression: see PathEntrySupervisor
    }

    /// <summary>Starts the supervisor for <paramref name="state"/>'s path entries (looked up by <see cref="PathEntrySearch.Find"/>).</summary>
    public PathEntryActors(ImportActorSystem system, FinderState state)
        : this(system, (entry, fullname, target) => PathEntrySearch.Find(state, entry, fullname, target))
    {
    }

    /// <summary>The engine's path-entry supervisor (the parent of every entry actor).</summary>
    public IActorRef Supervisor { get; }

    public Task<PathEntryAnswer> AskAsync(string entry, string fullname, ModuleObject? target) =>
        Supervisor.Ask<PathEntryAnswer>(new FindInEntry(entry, fullname, target), _askTimeout);

    /// <summary>The actor of <paramref name="entry"/> (created if it does not exist yet).</summary>
    public Task<IActorRef> ActorFor(string entry) => Supervisor.Ask<IActorRef>(new GetEntryActor(entry), _askTimeout);

    /// <summary>
    /// Stops the supervisor and with it every entry actor (an engine being shut down); an ask
    /// after this fails with <see cref="AskTimeoutException"/>.
    /// </summary>
    public void Dispose()
    {
        _system.Stop(Supervisor);
    }

    /// <summary>
    /// Installs the actor transport on <paramref name="state"/>'s <see cref="PathFinder"/> and
    /// returns it.
    /// </summary>
    public static PathEntryActors Install(ImportActorSystem system, FinderState state)
    {
        PathFinder finder = state.PathFinder ?? throw new InvalidOperationException("sys.meta_path holds no PathFinder");
        var actors = new PathEntryActors(system, state);
        finder.Asker = actors;
        return actors;
    }
}

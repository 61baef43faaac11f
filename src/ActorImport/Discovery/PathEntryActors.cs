using System.Collections.Concurrent;
using Akka.Actor;
using ActorImport.Configuration;
using ActorImport.Model;

namespace ActorImport.Discovery;

/// <summary>
/// The actor transport for <see cref="PathFinder"/>: one <see cref="PathEntrySupervisor"/> per
/// engine in the engine's <see cref="ImportActorSystem"/>, whose children are one
/// <see cref="PathEntryActor"/> per path entry (created on first use, kept for the engine's
/// lifetime). Every ask has the configured timeout (<c>akka.actor.ask-timeout</c>): an actor
/// that fails answers with the error, one that never answers fails its asker with an
/// <see cref="AskTimeoutException"/> instead of hanging it.
/// Thread-safety: safe from any thread (entry actors are looked up once through the supervisor,
/// then cached in a concurrent map; the supervisor keeps one actor per entry).
/// </summary>
public sealed class PathEntryActors : IPathEntryAsker, IDisposable
{
    private readonly ConcurrentDictionary<string, IActorRef> _actors = new(StringComparer.Ordinal);
    private readonly TimeSpan _askTimeout;
    private readonly ActorSystem _system;

    /// <summary>Starts the supervisor in <paramref name="system"/>; entries are looked up by <paramref name="lookup"/>.</summary>
    public PathEntryActors(ImportActorSystem system, PathEntryLookup lookup)
    {
        ArgumentNullException.ThrowIfNull(system);
        _askTimeout = system.AskTimeout;
        _system = system.System;
        Supervisor = system.System.ActorOf(
            Props.Create(() => new PathEntrySupervisor(lookup, system.DispatcherId)).WithDispatcher(system.DispatcherId));
    }

    /// <summary>Starts the supervisor for <paramref name="state"/>'s path entries (looked up by <see cref="PathEntrySearch.Find"/>).</summary>
    public PathEntryActors(ImportActorSystem system, FinderState state)
        : this(system, (entry, fullname, target) => PathEntrySearch.Find(state, entry, fullname, target))
    {
    }

    /// <summary>The engine's path-entry supervisor (the parent of every entry actor).</summary>
    public IActorRef Supervisor { get; }

    /// <summary>How many entry actors this transport has used.</summary>
    public int Count => _actors.Count;

    public async Task<PathEntryAnswer> AskAsync(string entry, string fullname, ModuleObject? target)
    {
        IActorRef actor = await ActorFor(entry).ConfigureAwait(false);
        return await actor.Ask<PathEntryAnswer>(new FindInEntry(fullname, target), _askTimeout).ConfigureAwait(false);
    }

    /// <summary>The actor of <paramref name="entry"/>: cached, or asked of the supervisor once.</summary>
    public async Task<IActorRef> ActorFor(string entry)
    {
        if (_actors.TryGetValue(entry, out IActorRef? actor))
        {
            return actor;
        }
        IActorRef created = await Supervisor.Ask<IActorRef>(new GetEntryActor(entry), _askTimeout).ConfigureAwait(false);
        return _actors.GetOrAdd(entry, created); // the supervisor gave every caller the same actor
    }

    /// <summary>
    /// Stops the supervisor and with it every entry actor (an engine being shut down); an ask
    /// after this fails with <see cref="AskTimeoutException"/>.
    /// </summary>
    public void Dispose()
    {
        _system.Stop(Supervisor);
        _actors.Clear();
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

using System.Collections.Concurrent;
using ActorImport.Actors;
using ActorImport.Model;

namespace ActorImport.Discovery;

/// <summary>
/// The actor transport for <see cref="PathFinder"/>: one <see cref="PathEntryActor"/> per path
/// entry, created on first use and kept for the engine's lifetime, asked all at once.
/// Thread-safety: safe from any thread (actors are created through a concurrent map; at most one
/// actor is kept per entry — a losing duplicate is stopped).
/// </summary>
public sealed class PathEntryActors(ActorSystem system, FinderState state) : IPathEntryAsker, IDisposable
{
    private readonly ConcurrentDictionary<string, IActorRef> _actors = new(StringComparer.Ordinal);

    /// <summary>How many entry actors exist.</summary>
    public int Count => _actors.Count;

    public Task<PathEntryAnswer> AskAsync(string entry, string fullname, ModuleObject? target) =>
        ActorFor(entry).Ask<PathEntryAnswer>(new FindInEntry(fullname, target), Timeout.InfiniteTimeSpan);

    private IActorRef ActorFor(string entry)
    {
        if (_actors.TryGetValue(entry, out IActorRef? actor))
        {
            return actor;
        }
        IActorRef created = system.ActorOf(Props.Create(() => new PathEntryActor(state, entry)));
        IActorRef kept = _actors.GetOrAdd(entry, created);
        if (!ReferenceEquals(kept, created))
        {
            system.Stop(created);
        }
        return kept;
    }

    /// <summary>Stops every entry actor (an engine being shut down); later asks create new ones.</summary>
    public void Dispose()
    {
        foreach (string entry in _actors.Keys)
        {
            if (_actors.TryRemove(entry, out IActorRef? actor))
            {
                system.Stop(actor);
            }
        }
    }

    /// <summary>
    /// Installs the actor transport on <paramref name="state"/>'s <see cref="PathFinder"/> and
    /// returns it.
    /// </summary>
    public static PathEntryActors Install(ActorSystem system, FinderState state)
    {
        var actors = new PathEntryActors(system, state);
        PathFinder finder = state.PathFinder ?? throw new InvalidOperationException("sys.meta_path holds no PathFinder");
        finder.Asker = actors;
        return actors;
    }
}

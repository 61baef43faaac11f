using ActorImport.Actors;
using ActorImport.Model;

namespace ActorImport.Discovery;

/// <summary>Asks a path-entry actor to look <see cref="Fullname"/> up in its entry. Immutable message.</summary>
public sealed record FindInEntry(string Fullname, ModuleObject? Target);

/// <summary>
/// The owner of one <c>sys.path</c> entry: resolves the entry's finder (through
/// <c>path_importer_cache</c> and the hooks) and runs its <c>find_spec</c>, one request at a
/// time, so the entry's directory listing is only ever refreshed here. Replies with a
/// <see cref="PathEntryAnswer"/> (an error is carried in the answer, never thrown, so the path
/// finder can decide in path order whether it matters). State is touched only by the actor's
/// own message processing.
/// </summary>
public sealed class PathEntryActor : ReceiveActor
{
    public PathEntryActor(FinderState state, string entry)
    {
        Receive<FindInEntry>(request =>
            Sender.Tell(PathEntrySearch.Find(state, entry, request.Fullname, request.Target), Self));
    }
}

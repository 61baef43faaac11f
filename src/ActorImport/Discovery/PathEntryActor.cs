using Akka.Actor;
using Akka.Event;
using ActorImport.Model;

namespace ActorImport.Discovery;

/// <summary>
/// Asks for <see cref="Fullname"/> to be looked up in path entry <see cref="Entry"/>: sent to the
/// engine's <see cref="PathEntrySupervisor"/>, which forwards it to the entry's actor (the answer
/// comes from that actor). Immutable message.
/// </summary>
public sealed record FindInEntry(string Entry, string Fullname, ModuleObject? Target);

/// <summary>
/// One lookup in one path entry: what a path-entry actor runs for a <see cref="FindInEntry"/>.
/// The engine's is <see cref="PathEntrySearch.Find"/>; must not throw for a Python-level error
/// (those are carried in the answer).
/// </summary>
public delegate PathEntryAnswer PathEntryLookup(string entry, string fullname, ModuleObject? target);

/// <summary>
/// The owner of one <c>sys.path</c> entry (an Akka.NET actor, a child of the engine's
/// <see cref="PathEntrySupervisor"/>): resolves the entry's finder (through
/// <c>path_importer_cache</c> and the hooks) and runs its <c>find_spec</c>, one request at a
/// time, so the entry's directory listing is only ever refreshed here. Replies with a
/// <see cref="PathEntryAnswer"/> (a Python error is carried in the answer, never thrown, so the
/// path finder can decide in path order whether it matters). If the lookup itself throws (a
/// bug, not a Python error), the asker is answered with <see cref="Status.Failure"/> — Akka does
/// not fail an asker on its own — and the exception is rethrown so that the supervisor restarts
/// this actor; requests queued behind it are answered after the restart.
/// Thread-safety: an actor; it keeps no state of its own (the entry's state is in the engine's
/// <see cref="FinderState"/>), so a restart loses nothing.
/// </summary>
public sealed class PathEntryActor : ReceiveActor
{
    private readonly string _entry;

    public PathEntryActor(PathEntryLookup lookup, string entry)
    {
        _entry = entry; // requests are routed here by entry, so request.Entry is this entry
        Receive<FindInEntry>(request =>
        {
            PathEntryAnswer answer;
            try
            {
                answer = lookup(_entry, request.Fullname, request.Target);
            }
            catch (Exception e)
            {
                Sender.Tell(new Status.Failure(e), Self);
                throw;
            }
            Sender.Tell(answer, Self);
        });
    }

    /// <summary>Logs the restart (at debug level: the asker already has the exception).</summary>
    protected override void PostRestart(Exception reason)
    {
        Context.GetLogger().Debug("path-entry actor for '{0}' restarted after {1}: {2}", _entry, reason.GetType().Name, reason.Message);
        base.PostRestart(reason);
    }
}

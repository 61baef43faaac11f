using ActorImport.Model;

namespace ActorImport.Discovery;

/// <summary>
/// Asks path entries on the calling thread, one after another (what CPython does). Used when no
/// actor system is configured and when the caller is inside a gated host call (so that a host
/// finder re-entering the engine cannot wait on an actor that waits on the gate).
/// Stateless apart from the engine state; safe from any thread.
/// </summary>
public sealed class InlinePathEntryAsker(FinderState state) : IPathEntryAsker
{
    public Task<PathEntryAnswer> AskAsync(string entry, string fullname, ModuleObject? target) =>
        Task.FromResult(PathEntrySearch.Find(state, entry, fullname, target));
}

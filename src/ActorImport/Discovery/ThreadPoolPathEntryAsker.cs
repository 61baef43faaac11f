using ActorImport.Model;

namespace ActorImport.Discovery;

/// <summary>
/// Asks every path entry at once on the thread pool (one work item per entry). The stand-in
/// for the path-entry actors where no actor system runs. Stateless apart from the engine
/// state; safe from any thread.
/// </summary>
public sealed class ThreadPoolPathEntryAsker(FinderState state) : IPathEntryAsker
{
    public Task<PathEntryAnswer> AskAsync(string entry, string fullname, ModuleObject? target) =>
        Task.Run(() => PathEntrySearch.Find(state, entry, fullname, target));
}

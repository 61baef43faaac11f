using ActorImport.Model;

namespace ActorImport.Discovery;

/// <summary>
/// A path-entry finder whose cached state (a directory listing, a zip directory) is published
/// immutably, so a lookup that needs no refresh may run on any thread without a message to the
/// entry's owner — the fast path of finding, as the lock-free read of <c>sys.modules</c> is the
/// fast path of importing. Refreshing stays with the owner (the path-entry actor).
/// Implementations must be safe to call from any thread.
/// </summary>
public interface IPublishedPathEntryFinder : IPathEntryFinder
{
    /// <summary>True when the finder has state worth reading without its owner.</summary>
    bool HasListing { get; }

    /// <summary>Answers from the published state when it is current; false means "ask the owner".</summary>
    bool TryFindSpecIfFresh(string fullname, out ModuleSpec? spec);
}

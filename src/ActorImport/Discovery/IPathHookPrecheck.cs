namespace ActorImport.Discovery;

/// <summary>
/// An engine-owned path hook that can tell, without raising, that it would decline an entry
/// (raise <c>ImportError</c>). Only an optimisation: the outcome is the same as calling the hook.
/// Implementations must be safe to call from any thread.
/// </summary>
internal interface IPathHookPrecheck
{
    bool Declines(string entry);
}

namespace ActorImport.Engine;

/// <summary>
/// How chains agree on who initialises a module (design.md "One protocol that meets the
/// budget"). Two implementations: <see cref="ActorCoordination"/> (a coordinator actor and
/// module actors) and <see cref="LockCoordination"/> (per-module locks and CPython's wait-for
/// check); the engine and the tests use both through this interface.
/// <para>Protocol: a chain that finds no ready entry in the published <c>sys.modules</c> (after
/// importing the parent) calls <see cref="Claim"/> once. <see cref="ClaimKind.Own"/> obliges it to
/// call <see cref="Finished"/> exactly once, with the final value or the error, after it has
/// published the entry, run the body, re-read <c>sys.modules</c>, bound the module on its parent
/// and cleared the initialising mark (or removed the entry on failure).</para>
/// Thread-safety: every member may be called from any thread.
/// </summary>
public interface IImportCoordination : IDisposable
{
    /// <summary>
    /// Claims <paramref name="name"/> for <paramref name="chain"/>, blocking only for the
    /// decision, never for a wait. A <paramref name="fresh"/> claim ignores a ready entry (it
    /// serialises <c>_load</c> and <c>_exec</c>, which run again whatever <c>sys.modules</c> holds,
    /// as CPython's module lock does).
    /// </summary>
    ClaimReply Claim(string name, ImportChain chain, bool fresh = false);

    /// <summary>As <see cref="Claim"/> without blocking a thread.</summary>
    Task<ClaimReply> ClaimAsync(string name, ImportChain chain);

    /// <summary>The owner's report: <paramref name="result"/> is Ready(final value) or Failed(error); every waiter gets it.</summary>
    void Finished(string name, ImportChain chain, ClaimReply result);

    /// <summary>
    /// A chain stops waiting for <paramref name="name"/>'s attempt before it ends (its
    /// <c>ImportModuleAsync</c> was cancelled, or its wait timed out): its wait-for edge and its
    /// place among the attempt's waiters are removed (<paramref name="pending"/> is the task it
    /// was given); the attempt and its other waiters go on. No-op once the attempt has ended.
    /// </summary>
    void Abandon(string name, ImportChain chain, Task<ClaimReply> pending);

    /// <summary><c>sys.modules[name] = value</c> from a body or a host (serialised with the claims).</summary>
    void SetModule(string name, object? value);

    /// <summary><c>del sys.modules[name]</c>; false when absent.</summary>
    bool RemoveModule(string name);

    /// <summary>Counters of waits, hand-overs and module actors.</summary>
    EngineStatistics Statistics { get; }
}

using ActorImport.Model;

namespace ActorImport.Engine;

/// <summary>
/// The decision part of both coordinations: which chain owns which module attempt, and the
/// wait-for graph (chain → the module it waits for → that module's owner). CPython's
/// <c>_ModuleLock</c> re-entrancy and <c>_has_deadlocked</c>, as data.
/// Thread-safety: none of its own; one serialiser uses it (the coordinator actor's message
/// handling, or the lock coordination's gate).
/// </summary>
internal sealed class ClaimTable
{
    private readonly Dictionary<string, Attempt> _attempts = new(StringComparer.Ordinal);
    private readonly Dictionary<ImportChain, string> _waitingFor = new(ReferenceEqualityComparer.Instance);

    /// <summary>One attempt to initialise a module: its owner and the chains waiting for it.</summary>
    internal sealed class Attempt(ImportChain owner)
    {
        public ImportChain Owner { get; } = owner;

        public List<ImportChain> Waiters { get; } = [];

        /// <summary>Completed when the owner finishes (used by the lock coordination; created on the first wait).</summary>
        public TaskCompletionSource<ClaimReply>? Done { get; set; }
    }

    /// <summary>How many attempts are in flight.</summary>
    public int InFlight => _attempts.Count;

    /// <summary>How many chains wait (edges of the wait-for graph).</summary>
    public int WaitEdges => _waitingFor.Count;

    /// <summary>How many waiters the attempts in flight hold, all together.</summary>
    public int Waiters => _attempts.Values.Sum(a => a.Waiters.Count);

    /// <summary>
    /// Decides a claim. Returns the immediate reply, or null with <paramref name="attempt"/> set
    /// when the chain must wait for that attempt (its wait edge is then recorded).
    /// 1. No attempt in flight: a ready entry is Ready (someone finished meanwhile) unless the claim is fresh; otherwise
    ///    the chain owns a new attempt.
    /// 2. The chain owns the attempt already: the partial module (a same-chain cycle); if its
    ///    entry is gone, the chain loads again (CPython's re-entrant module lock).
    /// 3. Another chain owns it: if that chain waits, directly or through others, for this one,
    ///    waiting would deadlock — hand over the partial module (bpo-38095; CPython raises
    ///    _DeadlockError only when nothing is published yet, and so do we).
    /// 4. Otherwise record the edge and wait.
    /// </summary>
    public ClaimReply? Decide(string name, ImportChain chain, bool fresh, ModuleMap modules, EngineStatistics statistics, out Attempt? attempt)
    {
        statistics.Claimed();
        if (!_attempts.TryGetValue(name, out attempt))
        {
            if (!fresh && modules.TryGetEntry(name, out ModuleEntry? entry) && entry!.Owner is null)
            {
                return ClaimReply.Ready(entry.Value);
            }
            _attempts[name] = new Attempt(chain);
            return ClaimReply.Own;
        }
        if (ReferenceEquals(attempt.Owner, chain))
        {
            if (modules.TryGetEntry(name, out ModuleEntry? own))
            {
                statistics.SameChainPartial();
                return ClaimReply.Partial(own!.Value);
            }
            return ClaimReply.OwnNested;
        }
        return HandOverOrWait(name, chain, attempt, modules, statistics);
    }

    /// <summary>
    /// The actors coordination's contended claim (the coordinator found <paramref name="owner"/>'s
    /// claim slot on <paramref name="name"/> and marked it contended): the attempt is recorded
    /// here from its first contended claim until the owner's Finished, so the wait-for graph
    /// knows it. Rules 3 and 4 of <see cref="Decide"/>: the partial module when waiting would
    /// close a cycle, otherwise the wait edge (null reply, <paramref name="attempt"/> set).
    /// </summary>
    public ClaimReply? DecideContended(string name, ImportChain chain, ImportChain owner, ModuleMap modules, EngineStatistics statistics, out Attempt? attempt)
    {
        if (!_attempts.TryGetValue(name, out attempt))
        {
            _attempts[name] = attempt = new Attempt(owner);
        }
        else if (!ReferenceEquals(attempt.Owner, owner))
        {
            // An attempt leaves the table with its slot (both at Finished), so this cannot happen.
            throw new InvalidOperationException($"claim table out of step with the claim slot of '{name}'");
        }
        return HandOverOrWait(name, chain, attempt, modules, statistics);
    }

    /// <summary>
    /// Rules 3 and 4 of <see cref="Decide"/> for a chain that does not own
    /// <paramref name="attempt"/>: the partial module when waiting would close a cycle (CPython's
    /// deadlock error only when nothing is published yet), otherwise the wait edge (null reply).
    /// </summary>
    private ClaimReply? HandOverOrWait(string name, ImportChain chain, Attempt attempt, ModuleMap modules, EngineStatistics statistics)
    {
        if (ClosesCycle(chain, attempt.Owner))
        {
            if (modules.TryGetEntry(name, out ModuleEntry? partial))
            {
                statistics.CrossChainPartial();
                return ClaimReply.Partial(partial!.Value);
            }
            return ClaimReply.Failed(new ImportError($"deadlock detected by _ModuleLock({PythonRepr.Str(name)})", name));
        }
        _waitingFor[chain] = name;
        attempt.Waiters.Add(chain);
        statistics.Waited();
        return null;
    }

    /// <summary>
    /// <c>_has_deadlocked</c>: follows owner → the module it waits for → that module's owner …;
    /// a cycle exists when the walk comes back to <paramref name="requester"/>. Each chain waits
    /// for at most one module, so the walk is a path, bounded by the number of waiting chains.
    /// </summary>
    private bool ClosesCycle(ImportChain requester, ImportChain owner)
    {
        ImportChain? current = owner;
        for (int steps = 0; current is not null && steps <= _waitingFor.Count; steps++)
        {
            if (ReferenceEquals(current, requester))
            {
                return true;
            }
            if (!_waitingFor.TryGetValue(current, out string? awaited) || !_attempts.TryGetValue(awaited, out Attempt? next))
            {
                return false;
            }
            current = next.Owner;
        }
        return false;
    }

    /// <summary>
    /// A waiter leaves before the attempt ends (its wait was cancelled or timed out): its wait
    /// edge and its place among <paramref name="name"/>'s waiters go, so the wait-for graph never
    /// follows a chain that no longer waits. The attempt itself goes on. No-op once it has ended.
    /// </summary>
    public void Abandon(string name, ImportChain chain)
    {
        if (_waitingFor.TryGetValue(chain, out string? awaited) && awaited == name)
        {
            _waitingFor.Remove(chain);
        }
        if (_attempts.TryGetValue(name, out Attempt? attempt))
        {
            attempt.Waiters.Remove(chain);
        }
    }

    /// <summary>Ends every attempt (the coordination is being disposed) and returns them, so their waiters can be released.</summary>
    public List<Attempt> Clear()
    {
        List<Attempt> all = [.. _attempts.Values];
        _attempts.Clear();
        _waitingFor.Clear();
        return all;
    }

    /// <summary>Ends <paramref name="chain"/>'s attempt on <paramref name="name"/> and removes its waiters' edges; null if it holds none.</summary>
    public Attempt? Finish(string name, ImportChain chain)
    {
        if (!_attempts.TryGetValue(name, out Attempt? attempt) || !ReferenceEquals(attempt.Owner, chain))
        {
            return null;
        }
        _attempts.Remove(name);
        foreach (ImportChain waiter in attempt.Waiters)
        {
            if (_waitingFor.TryGetValue(waiter, out string? awaited) && awaited == name)
            {
                _waitingFor.Remove(waiter);
            }
        }
        return attempt;
    }
}

namespace ActorImport.Engine;

/// <summary>
/// The lock-based coordination, CPython's design in .NET: a module attempt is a lock owned by
/// one chain (re-entrant for it: a same-chain import gets the partial module), other chains
/// block on it; before blocking, the wait-for check of <c>_ModuleLock.acquire</c>
/// (<c>_has_deadlocked</c>) runs under one global gate, as CPython's <c>_blocking_on</c> is
/// guarded, and a cycle hands the partial module over (the fixed behaviour, bpo-38095). The
/// benchmark baseline of <see cref="ActorCoordination"/> and the second implementation behind the
/// shared concurrency tests. Thread-safety: every member may be called from any thread.
/// </summary>
public sealed class LockCoordination : IImportCoordination
{
    private readonly Lock _gate = new();
    private readonly ClaimTable _table = new();
    private readonly ModuleMap _modules;

    internal LockCoordination(ModuleMap modules, EngineStatistics statistics)
    {
        Statistics = statistics;
        _modules = modules;
    }

    public EngineStatistics Statistics { get; }

    public ClaimReply Claim(string name, ImportChain chain, bool fresh = false)
    {
        lock (_gate)
        {
            ClaimReply? reply = _table.Decide(name, chain, fresh, _modules, Statistics, out ClaimTable.Attempt? attempt);
            if (reply is not null)
            {
                return reply;
            }
            attempt!.Done ??= new TaskCompletionSource<ClaimReply>(TaskCreationOptions.RunContinuationsAsynchronously);
            return ClaimReply.Wait(attempt.Done.Task);
        }
    }

    public Task<ClaimReply> ClaimAsync(string name, ImportChain chain) => Task.FromResult(Claim(name, chain));

    public void Finished(string name, ImportChain chain, ClaimReply result)
    {
        ClaimTable.Attempt? attempt;
        lock (_gate)
        {
            attempt = _table.Finish(name, chain);
        }
        attempt?.Done?.TrySetResult(result);
    }

    public void Abandon(string name, ImportChain chain, Task<ClaimReply> pending)
    {
        lock (_gate)
        {
            _table.Abandon(name, chain);
        }
    }

    /// <summary>Diagnostics and tests: the attempts in flight, wait edges and waiters (no module actors, no slots here).</summary>
    internal CoordinationCounts Counts()
    {
        lock (_gate)
        {
            return new CoordinationCounts(_table.InFlight, _table.WaitEdges, _table.Waiters, 0, 0);
        }
    }

    public void SetModule(string name, object? value)
    {
        lock (_gate)
        {
            _modules.Set(name, value);
        }
    }

    public bool RemoveModule(string name)
    {
        lock (_gate)
        {
            return _modules.Remove(name);
        }
    }

    /// <summary>
    /// The engine is being disposed: every attempt still in flight ends, and its waiters get
    /// <see cref="ObjectDisposedException"/> instead of waiting for an owner that may never
    /// report (its body may be blocked on the disposed engine).
    /// </summary>
    public void Dispose()
    {
        List<ClaimTable.Attempt> attempts;
        lock (_gate)
        {
            attempts = _table.Clear();
        }
        ClaimReply disposed = ClaimReply.Failed(CoordinationCounts.Disposed());
        foreach (ClaimTable.Attempt attempt in attempts)
        {
            attempt.Done?.TrySetResult(disposed);
        }
    }

    public override string ToString() => $"locks ({_modules.Count} modules)";
}

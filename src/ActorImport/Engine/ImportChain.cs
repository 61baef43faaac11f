namespace ActorImport.Engine;

/// <summary>
/// One logical importer: a thread's synchronous stack of imports, or an async flow. Chains are
/// compared by reference; the engine carries the current one in an <see cref="AsyncLocal{T}"/>
/// (never a thread id), so an async import that resumes on another thread is the same chain.
/// Immutable; safe to share between threads.
/// </summary>
public sealed class ImportChain
{
    internal ImportChain(long id)
    {
        Id = id;
    }

    /// <summary>A number unique within its engine, for diagnostics only.</summary>
    public long Id { get; }

    public override string ToString() => $"chain-{Id}";
}

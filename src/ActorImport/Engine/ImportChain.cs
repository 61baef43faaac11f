namespace ActorImport.Engine;

/// <summary>
/// One logical importer: a thread's synchronous stack of imports, or an async flow. Chains are
/// compared by reference; the engine carries the current one in an <see cref="AsyncLocal{T}"/>
/// (never a thread id), so an async import that resumes on another thread is the same chain.
/// Immutable but for <see cref="ObservedDepth"/>, which only the chain's own flow touches; safe to
/// share between threads.
/// </summary>
public sealed class ImportChain
{
    internal ImportChain(long id)
    {
        Id = id;
    }

    /// <summary>A number unique within its engine, for diagnostics only.</summary>
    public long Id { get; }

    /// <summary>
    /// How many observed imports of this chain are in progress (the depth of the next one);
    /// kept only while the engine has an observer. Read and written by the chain's own flow alone.
    /// </summary>
    internal int ObservedDepth;

    public override string ToString() => $"chain-{Id}";
}

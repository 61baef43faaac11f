namespace ActorImport.Engine;

/// <summary>What the coordination answers a chain that claims a module.</summary>
public enum ClaimKind
{
    /// <summary>The module is ready (someone finished it meanwhile): use <see cref="ClaimReply.Value"/>.</summary>
    Ready,

    /// <summary>This chain finds, creates and executes the module, then reports it finished.</summary>
    Own,

    /// <summary>
    /// The partial module: this chain already initialises it, or waiting for its owner would
    /// close a cycle of waiting chains (CPython hands the partial module over instead of waiting).
    /// </summary>
    Partial,

    /// <summary>Another chain initialises it: wait for <see cref="ClaimReply.Pending"/>.</summary>
    Wait,

    /// <summary>The attempt this chain waited for failed: raise <see cref="ClaimReply.Error"/> (the same instance every waiter gets, gh-143650).</summary>
    Failed,
}

/// <summary>
/// A reply to a claim. Immutable; safe to share (every waiter of one attempt receives the same
/// instance).
/// </summary>
public sealed class ClaimReply
{
    private ClaimReply(ClaimKind kind, object? value, Exception? error, Task<ClaimReply>? pending, bool nested)
    {
        Kind = kind;
        Value = value;
        Error = error;
        Pending = pending;
        Nested = nested;
    }

    public ClaimKind Kind { get; }

    /// <summary>The module (or whatever <c>sys.modules</c> holds) for Ready and Partial.</summary>
    public object? Value { get; }

    /// <summary>The failure of the attempt, for Failed.</summary>
    public Exception? Error { get; }

    /// <summary>For Wait: completes with Ready or Failed when the owner finishes.</summary>
    public Task<ClaimReply>? Pending { get; }

    /// <summary>
    /// For Own: the chain already holds the claim on this name but its entry is gone (a body
    /// removed itself from <c>sys.modules</c> and imports itself again). As CPython's re-entrant
    /// module lock, the chain loads again without a claim of its own, and reports nothing.
    /// </summary>
    public bool Nested { get; }

    public static ClaimReply Ready(object? value) => new(ClaimKind.Ready, value, null, null, false);

    public static ClaimReply Own { get; } = new(ClaimKind.Own, null, null, null, false);

    public static ClaimReply OwnNested { get; } = new(ClaimKind.Own, null, null, null, true);

    public static ClaimReply Partial(object? value) => new(ClaimKind.Partial, value, null, null, false);

    public static ClaimReply Wait(Task<ClaimReply> pending) => new(ClaimKind.Wait, null, null, pending, false);

    public static ClaimReply Failed(Exception error) => new(ClaimKind.Failed, null, error, null, false);

    public override string ToString() => Kind.ToString();
}

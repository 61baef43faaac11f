namespace ActorImport.Engine;

/// <summary>
/// The optimistic claim of the actors coordination (design.md "One protocol that meets the
/// budget"): one slot per module attempt in flight, keyed by name in <see cref="ClaimSlots"/>.
/// A chain that finds no slot adds its own (a compare-and-swap, no message) and owns the
/// attempt; only a chain that finds another chain's slot asks the coordinator, which then marks
/// the slot contended, so that the owner knows it must report <c>Finished</c>.
/// <para>Who writes what (the one-writer rule, per field):</para>
/// <list type="bullet">
/// <item><see cref="Owner"/>: immutable.</item>
/// <item><see cref="State"/>: Open → Contended only by the coordinator (CAS); Open → Closed only
///   by the owner (CAS, when it finishes uncontended); Contended → Closed only by the coordinator
///   (when it handles the owner's Finished). Exactly one of the two CASes from Open wins.</item>
/// <item><see cref="OwnerDone"/>: only by the owner, before it reports Finished; read by the
///   owner itself (a retry must not mistake its finished slot for a claim it still holds).</item>
/// <item>The slot's presence in the map: added by a claiming chain (uncontended) or the
///   coordinator (claims it decides); removed by the owner after Open → Closed, or by the
///   coordinator after Contended → Closed; a Closed slot may be removed by anyone (by CAS on the
///   pair, so only that slot).</item>
/// </list>
/// Thread-safety: as above; every transition is an <see cref="Interlocked"/> operation.
/// </summary>
internal sealed class ClaimSlot(ImportChain owner)
{
    public const int Open = 0;
    public const int Contended = 1;
    public const int Closed = 2;

    private int _state;

    public ImportChain Owner { get; } = owner;

    public int State => Volatile.Read(ref _state);

    /// <summary>Set by the owner once its attempt is over (Finished is, or is about to be, sent).</summary>
    public bool OwnerDone { get; set; }

    /// <summary>The owner finishes: true when nobody contended (no message needed).</summary>
    public bool TryCloseUncontended() => Interlocked.CompareExchange(ref _state, Closed, Open) == Open;

    /// <summary>The coordinator: true when the slot is contended now (false: its owner closed it).</summary>
    public bool TryMarkContended() => Interlocked.CompareExchange(ref _state, Contended, Open) != Closed;

    /// <summary>The coordinator, handling Finished of a contended slot.</summary>
    public void CloseContended() => Volatile.Write(ref _state, Closed);
}

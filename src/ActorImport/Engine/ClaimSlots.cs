using System.Collections.Concurrent;

namespace ActorImport.Engine;

/// <summary>
/// The claim slots of one engine's actors coordination, by module name (see
/// <see cref="ClaimSlot"/> for who writes what).
/// Thread-safety: every member may be called from any thread.
/// </summary>
internal sealed class ClaimSlots
{
    private readonly ConcurrentDictionary<string, ClaimSlot> _slots = new(StringComparer.Ordinal);

    public bool TryAdd(string name, ClaimSlot slot) => _slots.TryAdd(name, slot);

    public bool TryGet(string name, out ClaimSlot? slot) => _slots.TryGetValue(name, out slot);

    /// <summary>Removes exactly this slot (a newer slot under the same name stays).</summary>
    public void Remove(string name, ClaimSlot slot) => _slots.TryRemove(new KeyValuePair<string, ClaimSlot>(name, slot));

    /// <summary>How many slots are present (attempts in flight plus closed ones not yet removed).</summary>
    public int Count => _slots.Count;
}

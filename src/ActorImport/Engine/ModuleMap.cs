using System.Collections.Concurrent;
using ActorImport.Discovery;
using ActorImport.Model;

namespace ActorImport.Engine;

/// <summary>
/// The published <c>sys.modules</c> of one engine: a concurrent map of immutable
/// <see cref="ModuleEntry"/> values, read lock-free by anyone (the fast path is one dictionary
/// read). Who writes: the coordination decides who may (see <see cref="IImportCoordination"/>):
/// the chain holding the claim on a name publishes and finishes that one entry itself
/// (compare-and-swap, so a concurrent <c>sys.modules[name] = x</c> is never lost); every other
/// write (a body's or a host's <c>sys.modules[k] = v</c> / <c>del</c>) is made by the
/// coordination, serialised with its claim decisions.
/// Thread-safety: every member may be called from any thread.
/// </summary>
internal sealed class ModuleMap : IModuleTable
{
    private readonly ConcurrentDictionary<string, ModuleEntry> _entries = new(StringComparer.Ordinal);
    private long _order;

    public int Count => _entries.Count;

    public bool TryGetEntry(string name, out ModuleEntry? entry) => _entries.TryGetValue(name, out entry);

    public bool ContainsKey(string name) => _entries.ContainsKey(name);

    /// <summary><see cref="IModuleTable"/>: a present value that is not a module reads as None.</summary>
    public bool TryGetModule(string name, out ModuleObject? module)
    {
        if (_entries.TryGetValue(name, out ModuleEntry? entry))
        {
            module = entry.Value as ModuleObject;
            return true;
        }
        module = null;
        return false;
    }

    /// <summary>The entries in dict order (a snapshot).</summary>
    public KeyValuePair<string, ModuleEntry>[] Snapshot()
    {
        var items = _entries.ToArray();
        Array.Sort(items, (a, b) => a.Value.Order.CompareTo(b.Value.Order));
        return items;
    }

    private long NextOrder() => Interlocked.Increment(ref _order);

    /// <summary>
    /// <c>sys.modules[name] = value</c>: an existing key keeps its place and its initialising
    /// owner (a body may replace itself while it runs); a new key goes to the end, ready.
    /// </summary>
    public void Set(string name, object? value) =>
        _entries.AddOrUpdate(name, static (_, a) => new ModuleEntry(a.value, null, a.order), static (_, old, a) => new ModuleEntry(a.value, old.Owner, old.Order), (value, order: NextOrder()));

    /// <summary><c>del sys.modules[name]</c>; false when absent.</summary>
    public bool Remove(string name) => _entries.TryRemove(name, out _);

    /// <summary>
    /// The claim holder publishes its new module as initialising (<c>_load_unlocked</c> step
    /// "sys.modules[name] = module" with <c>_initializing</c> set first): the entry goes to the end.
    /// </summary>
    public void PublishInitializing(string name, object? module, ImportChain owner) =>
        _entries[name] = new ModuleEntry(module, owner, NextOrder());

    /// <summary>
    /// <c>module = sys.modules.pop(name); sys.modules[name] = module</c>: moves the entry to the
    /// end and returns the value it holds now (a body may have replaced itself). False when the
    /// body removed its own entry.
    /// </summary>
    public bool TryMoveToEnd(string name, out object? value)
    {
        while (_entries.TryGetValue(name, out ModuleEntry? entry))
        {
            if (_entries.TryUpdate(name, new ModuleEntry(entry.Value, entry.Owner, NextOrder()), entry))
            {
                value = entry.Value;
                return true;
            }
        }
        value = null;
        return false;
    }

    /// <summary>Clears the initialising mark that <paramref name="owner"/> set (<c>_initializing = False</c>).</summary>
    public void MarkReady(string name, ImportChain owner)
    {
        while (_entries.TryGetValue(name, out ModuleEntry? entry) && ReferenceEquals(entry.Owner, owner))
        {
            if (_entries.TryUpdate(name, new ModuleEntry(entry.Value, null, entry.Order), entry))
            {
                return;
            }
        }
    }

    /// <summary>Adds a module at start-up (ready).</summary>
    public void AddReady(string name, object? value) => _entries[name] = new ModuleEntry(value, null, NextOrder());
}

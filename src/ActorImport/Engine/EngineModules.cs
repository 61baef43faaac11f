using System.Collections;

namespace ActorImport.Engine;

/// <summary>
/// <c>sys.modules</c> of one engine as a dictionary: reads are lock-free over the published
/// map (enumeration is a snapshot in dict order); writes and deletes go through the
/// coordination, serialised with its claims. A value is a module, any object a body stored, or
/// Python None (<c>null</c>). Thread-safety: every member may be called from any thread.
/// </summary>
public sealed class EngineModules : IReadOnlyDictionary<string, object?>
{
    private readonly ModuleMap _map;
    private readonly IImportCoordination _coordination;

    internal EngineModules(ModuleMap map, IImportCoordination coordination)
    {
        _map = map;
        _coordination = coordination;
    }

    /// <summary><c>sys.modules[name]</c> (KeyNotFoundException when absent) and <c>sys.modules[name] = value</c>.</summary>
    public object? this[string name]
    {
        get => _map.TryGetEntry(name, out ModuleEntry? entry) ? entry!.Value : throw new KeyNotFoundException(name);
        set => _coordination.SetModule(name, value);
    }

    public int Count => _map.Count;

    public IEnumerable<string> Keys => _map.Snapshot().Select(e => e.Key);

    public IEnumerable<object?> Values => _map.Snapshot().Select(e => e.Value.Value);

    public bool ContainsKey(string name) => _map.ContainsKey(name);

    public bool TryGetValue(string name, out object? value)
    {
        if (_map.TryGetEntry(name, out ModuleEntry? entry))
        {
            value = entry!.Value;
            return true;
        }
        value = null;
        return false;
    }

    /// <summary>The published entry (value and initialising state), or null when absent.</summary>
    public ModuleEntry? GetEntry(string name) => _map.TryGetEntry(name, out ModuleEntry? entry) ? entry : null;

    /// <summary>True while <paramref name="name"/> is being initialised by some chain.</summary>
    public bool IsInitializing(string name) => GetEntry(name)?.IsInitializing == true;

    /// <summary>The names still marked initialising (empty when every import has finished).</summary>
    public IReadOnlyList<string> Initializing() => [.. _map.Snapshot().Where(e => e.Value.IsInitializing).Select(e => e.Key)];

    /// <summary><c>del sys.modules[name]</c>; false when absent.</summary>
    public bool Remove(string name) => _coordination.RemoveModule(name);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        _map.Snapshot().Select(e => new KeyValuePair<string, object?>(e.Key, e.Value.Value)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

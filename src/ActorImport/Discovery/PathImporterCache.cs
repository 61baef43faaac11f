using System.Collections.Concurrent;
using ActorImport.Model;

namespace ActorImport.Discovery;

/// <summary>
/// <c>sys.path_importer_cache</c>: path entry → its finder, or <c>null</c> (Python None) for an
/// entry that no hook accepted. Thread-safety: every member may be called from any thread; the
/// engine's coordinator is its only writer once the engine exists (design.md "Who owns what"),
/// the path finder and its entry actors read it and report new entries.
/// </summary>
public sealed class PathImporterCache
{
    private readonly ConcurrentDictionary<string, IPathEntryFinder?> _finders = new(StringComparer.Ordinal);

    public bool TryGetValue(string entry, out IPathEntryFinder? finder) => _finders.TryGetValue(entry, out finder);

    public bool ContainsKey(string entry) => _finders.ContainsKey(entry);

    /// <summary>Stores the first finder computed for <paramref name="entry"/> and returns the one stored.</summary>
    public IPathEntryFinder? GetOrAdd(string entry, IPathEntryFinder? finder) => _finders.GetOrAdd(entry, finder);

    public void Set(string entry, IPathEntryFinder? finder) => _finders[entry] = finder;

    public bool Remove(string entry) => _finders.TryRemove(entry, out _);

    public void Clear() => _finders.Clear();

    /// <summary>A snapshot of the entries.</summary>
    public KeyValuePair<string, IPathEntryFinder?>[] Items() => [.. _finders];

    public int Count => _finders.Count;
}

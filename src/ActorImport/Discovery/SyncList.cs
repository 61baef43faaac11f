namespace ActorImport.Discovery;

/// <summary>
/// A list that several threads may read and write, as <c>sys.path</c>, <c>sys.meta_path</c>
/// and <c>sys.path_hooks</c> are. Thread-safety: every member is atomic (one lock); readers
/// iterate over <see cref="Snapshot"/>, an immutable copy, so a concurrent edit never breaks
/// an iteration. <see cref="Version"/> increases on every change.
/// </summary>
public sealed class SyncList<T>
{
    private readonly Lock _gate = new();
    private T[] _items;
    private long _version;

    public SyncList(IEnumerable<T>? items = null)
    {
        _items = items is null ? [] : [.. items];
    }

    /// <summary>The current contents; the array is never mutated afterwards.</summary>
    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
        {
            return _items;
        }
    }

    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    public int Count => Snapshot().Count;

    public void Add(T item) => Edit(list => list.Add(item));

    public void Insert(int index, T item) => Edit(list => list.Insert(index, item));

    public bool Remove(T item)
    {
        bool removed = false;
        Edit(list => removed = list.Remove(item));
        return removed;
    }

    public void Clear() => Edit(list => list.Clear());

    /// <summary>Replaces the whole contents (<c>sys.path[:] = items</c>).</summary>
    public void SetAll(IEnumerable<T> items)
    {
        T[] copy = [.. items];
        lock (_gate)
        {
            _items = copy;
            _version++;
        }
    }

    private void Edit(Action<List<T>> edit)
    {
        lock (_gate)
        {
            var list = new List<T>(_items);
            edit(list);
            _items = [.. list];
            _version++;
        }
    }
}

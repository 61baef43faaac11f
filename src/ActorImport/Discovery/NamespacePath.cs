using System.Collections;
using ActorImport.Model;

namespace ActorImport.Discovery;

/// <summary>
/// <c>_NamespacePath</c>: a namespace package's <c>__path__</c>. Every read recomputes the
/// parent path (<c>sys.path</c> for a top-level package, the parent module's <c>__path__</c>
/// otherwise); when it changed, or the engine's namespace epoch moved on
/// (<c>invalidate_caches</c>), the portions are searched again. A result with a loader leaves
/// the portions unchanged, as in 3.11. Difference from CPython: when the parent module is not in
/// <c>sys.modules</c> (this engine can find a subpackage's spec without executing its parent),
/// the last parent path is kept instead of raising <c>KeyError</c>.
/// Thread-safety: every member may be called from any thread (one lock per instance).
/// </summary>
public sealed class NamespacePath : IList<string>, IPythonRepr
{
    private readonly Lock _gate = new();
    private readonly string _name;
    private readonly FinderState _state;
    private readonly Func<string, IReadOnlyList<string>, ModuleSpec?> _getSpec;
    private List<string> _path;
    private string[] _lastParentPath;
    private long _lastEpoch;

    /// <param name="getSpec"><c>PathFinder._get_spec(name, parent_path)</c>.</param>
    public NamespacePath(string name, IEnumerable<string> path, FinderState state, Func<string, IReadOnlyList<string>, ModuleSpec?> getSpec, IReadOnlyList<string>? parentPath = null)
    {
        _name = name;
        _path = [.. path];
        _state = state;
        _getSpec = getSpec;
        _lastParentPath = ParentPath() ?? (parentPath is null ? [] : [.. parentPath]);
        _lastEpoch = state.NamespaceEpoch;
    }

    /// <summary>The current portions (after recalculation), as a snapshot.</summary>
    public IReadOnlyList<string> Portions()
    {
        lock (_gate)
        {
            return [.. Recalculate()];
        }
    }

    private List<string> Recalculate()
    {
        string[]? parentPath = ParentPath();
        if (parentPath is null)
        {
            return _path;
        }
        long epoch = _state.NamespaceEpoch;
        if (!parentPath.AsSpan().SequenceEqual(_lastParentPath) || epoch != _lastEpoch)
        {
            ModuleSpec? spec = _getSpec(_name, parentPath);
            if (spec is not null && spec.Loader is null && spec.SubmoduleSearchLocations is { Count: > 0 } locations)
            {
                _path = [.. locations];
            }
            _lastParentPath = parentPath;
            _lastEpoch = epoch;
        }
        return _path;
    }

    /// <summary><c>_get_parent_path</c>: <c>sys.path</c> or <c>sys.modules[parent].__path__</c>; null when unknown.</summary>
    private string[]? ParentPath()
    {
        int dot = _name.LastIndexOf('.');
        if (dot < 0)
        {
            return [.. _state.Path.Snapshot()];
        }
        if (dot == 0)
        {
            // A name with a leading dot ('.a', reached through __import__ at level 0) has the empty
            // parent: never a module, so CPython's sys.modules[''] fails even here.
            throw new PythonException("KeyError", "''");
        }
        if (_state.Modules.TryGetModule(_name[..dot], out ModuleObject? parent) && parent is not null
            && parent.TryGetAttribute("__path__", out object? value) && value is IEnumerable<string> path)
        {
            return [.. path];
        }
        return null;
    }

    public string this[int index]
    {
        get => Portions()[index];
        set
        {
            lock (_gate)
            {
                _path[index] = value;
            }
        }
    }

    public int Count => Portions().Count;

    public bool IsReadOnly => false;

    /// <summary><c>append</c> changes the stored portions directly.</summary>
    public void Add(string item)
    {
        lock (_gate)
        {
            _path.Add(item);
        }
    }

    public bool Contains(string item) => Portions().Contains(item);

    public IEnumerator<string> GetEnumerator() => Portions().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public int IndexOf(string item) => Portions().ToList().IndexOf(item);

    public void CopyTo(string[] array, int arrayIndex) => Portions().ToArray().CopyTo(array, arrayIndex);

    public void Clear() => throw new NotSupportedException("_NamespacePath does not support clear()");

    public void Insert(int index, string item) => throw new NotSupportedException("_NamespacePath does not support insert()");

    public bool Remove(string item) => throw new NotSupportedException("_NamespacePath does not support remove()");

    public void RemoveAt(int index) => throw new NotSupportedException("_NamespacePath does not support item deletion");

    /// <summary>CPython's repr: <c>_NamespacePath(['/a/ns', '/b/ns'])</c>.</summary>
    public string Repr() => $"_NamespacePath({PythonRepr.List(Portions())})";

    public override string ToString() => Repr();
}

using ActorImport.Model;

namespace ActorImport.Discovery;

/// <summary>
/// <c>importlib.machinery.PathFinder</c>: the meta-path finder for <c>sys.path</c> (or a parent
/// package's <c>__path__</c>). Each entry's finder is owned by its path-entry actor (through an
/// <see cref="IPathEntryAsker"/>): entries that need their owner — a cache miss, a listing to
/// refresh — are asked all at once; an entry whose published listing is current is read on the
/// caller's thread without a message; an entry served by a host hook or finder that is not
/// <see cref="IThreadSafe"/> is looked up on the caller's thread, in order, under the host gate.
/// The answers are merged in path order, so the outcome is CPython's whichever entry answers
/// first: the first entry with a loader wins, an error is raised only if no earlier entry won,
/// and namespace portions are kept only if no entry has a loader.
/// Difference from CPython: engine-owned entries after the winning one may be asked too, so
/// their finders can appear in <c>path_importer_cache</c> earlier than CPython would create them.
/// The caller blocks while it waits for the actors' answers.
/// Thread-safety: safe from any thread; its state lives in <see cref="FinderState"/>;
/// <see cref="Asker"/> is set once by the engine before use.
/// </summary>
public sealed class PathFinder : IMetaPathFinder, IThreadSafe
{
    private readonly FinderState _state;
    private readonly IPathEntryAsker _inline;

    public PathFinder(FinderState state, IPathEntryAsker? asker = null)
    {
        _state = state;
        _inline = new InlinePathEntryAsker(state);
        Asker = asker ?? _inline;
    }

    /// <summary>How entries are asked; the actor version is installed by the engine.</summary>
    public IPathEntryAsker Asker { get; set; }

    public ModuleSpec? FindSpec(string fullname, IReadOnlyList<string>? path, ModuleObject? target = null)
    {
        ModuleSpec? spec = GetSpec(fullname, path ?? _state.Path.Snapshot(), target);
        if (spec is null)
        {
            return null;
        }
        if (spec.Loader is not null)
        {
            return spec;
        }
        // A namespace package: its portions become a live _NamespacePath.
        if (spec.SubmoduleSearchLocations is { Count: > 0 } portions)
        {
            spec.Origin = null;
            spec.SubmoduleSearchLocations = new NamespacePath(fullname, portions, _state, GetSpec, path);
            return spec;
        }
        return null;
    }

    /// <summary>
    /// <c>PathFinder._get_spec</c>: a spec with a loader, or a loader-less spec whose
    /// locations are the namespace portions collected in path order (possibly none).
    /// </summary>
    public ModuleSpec? GetSpec(string fullname, IReadOnlyList<string> path) => GetSpec(fullname, path, null);

    private ModuleSpec GetSpec(string fullname, IReadOnlyList<string> path, ModuleObject? target)
    {
        PathEntryAnswer Inline(int i) => PathEntrySearch.Find(_state, path[i], fullname, target);
        // Inside a gated host call the gate is ours: stay on this thread so nothing waits on it.
        IPathEntryAsker asker = Asker;
        if (ReferenceEquals(asker, _inline) || _state.HostGate.IsHeldByCurrentThread)
        {
            return Merge(fullname, path, Inline);
        }
        // Entries whose published state is current are read here without a message (checked
        // again, in order, when merging). The others are asked at once if engine-owned; an
        // entry needing a host hook or finder that is not thread-safe is looked up here, in
        // order, only if no earlier entry won (as CPython).
        var answers = new Task<PathEntryAnswer>?[path.Count];
        for (int i = 0; i < path.Count; i++)
        {
            if (!CanReadWithoutOwner(path[i]) && PathEntrySearch.IsParallelSafe(_state, path[i]))
            {
                answers[i] = asker.AskAsync(path[i], fullname, target);
            }
        }
        return Merge(fullname, path, i =>
        {
            if (answers[i] is { } asked)
            {
                return asked.GetAwaiter().GetResult();
            }
            if (PathEntrySearch.TryFindWithoutOwner(_state, path[i], fullname) is { } read)
            {
                return read;
            }
            return PathEntrySearch.IsParallelSafe(_state, path[i])
                ? asker.AskAsync(path[i], fullname, target).GetAwaiter().GetResult()
                : Inline(i);
        });
    }

    /// <summary>Whether an entry's cached finder is None or has a published listing (no stat here).</summary>
    private bool CanReadWithoutOwner(string entry)
    {
        string? key = PathEntrySearch.ImporterCacheKey(_state, entry);
        return key is null
            || (_state.PathImporterCache.TryGetValue(key, out IPathEntryFinder? finder)
                && (finder is null || finder is IPublishedPathEntryFinder { HasListing: true }));
    }

    /// <summary>Takes the answers in path order (waiting for each in turn) and stops at the first loader.</summary>
    private static ModuleSpec Merge(string fullname, IReadOnlyList<string> path, Func<int, PathEntryAnswer> answerAt)
    {
        var namespacePath = new List<string>();
        for (int i = 0; i < path.Count; i++)
        {
            PathEntryAnswer answer = answerAt(i);
            if (answer.Error is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(answer.Error);
            }
            ModuleSpec? spec = answer.Spec;
            if (spec is null)
            {
                continue;
            }
            if (spec.Loader is not null)
            {
                return spec;
            }
            IList<string> portions = spec.SubmoduleSearchLocations ?? throw new ImportError("spec missing loader");
            namespacePath.AddRange(portions);
        }
        return new ModuleSpec(fullname, null) { SubmoduleSearchLocations = namespacePath };
    }

    /// <summary>
    /// <c>PathFinder.invalidate_caches</c>: drops cached <c>None</c> entries and relative keys,
    /// asks every remaining finder to invalidate, and moves the namespace epoch on.
    /// </summary>
    public void InvalidateCaches()
    {
        foreach ((string entry, IPathEntryFinder? finder) in _state.PathImporterCache.Items())
        {
            if (finder is null || !entry.StartsWith('/'))
            {
                _state.PathImporterCache.Remove(entry);
            }
            else
            {
                _state.HostGate.Call(finder, finder.InvalidateCaches);
            }
        }
        _state.AdvanceNamespaceEpoch();
    }

    public override string ToString() => "<class '_frozen_importlib_external.PathFinder'>";
}

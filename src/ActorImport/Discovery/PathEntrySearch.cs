using ActorImport.Model;

namespace ActorImport.Discovery;

/// <summary>
/// What a path entry's owner does for one lookup: <c>PathFinder._path_importer_cache(entry)</c>
/// (the hooks on a miss, <c>None</c> cached for an entry no hook accepts) followed by
/// <c>finder.find_spec(fullname, target)</c>. Host hooks and finders go through the engine's
/// <see cref="HostGate"/>. Stateless; every member may be called from any thread.
/// </summary>
public static class PathEntrySearch
{
    /// <summary>Runs one lookup and captures its outcome instead of throwing.</summary>
    public static PathEntryAnswer Find(FinderState state, string entry, string fullname, ModuleObject? target)
    {
        try
        {
            IPathEntryFinder? finder = FinderFor(state, entry);
            if (finder is null)
            {
                return PathEntryAnswer.None;
            }
            ModuleSpec? spec = state.HostGate.Call(finder, () => finder.FindSpec(fullname, target));
            return spec is null ? PathEntryAnswer.None : new PathEntryAnswer(spec);
        }
        catch (Exception e)
        {
            return new PathEntryAnswer(null, e);
        }
    }

    /// <summary>
    /// The one place of <c>_path_importer_cache</c>'s rule "an empty entry means the current
    /// directory": <c>''</c> is looked up (and cached) under <c>os.getcwd()</c>. Null when the entry
    /// is <c>''</c> and the current directory is gone (<c>getcwd</c> raises
    /// <c>FileNotFoundError</c>): CPython then returns None for the entry, runs no hook and caches
    /// nothing, so every caller treats null as "no finder".
    /// </summary>
    public static string? ImporterCacheKey(FinderState state, string entry) =>
        entry.Length == 0 ? state.CurrentDirectory() : entry;

    /// <summary>
    /// <c>_path_importer_cache</c>: the entry's key (<see cref="ImporterCacheKey"/>; none, so no
    /// finder, when <c>''</c> names a deleted current directory); a miss runs the hooks and caches
    /// the result, <c>None</c> included.
    /// </summary>
    public static IPathEntryFinder? FinderFor(FinderState state, string entry)
    {
        if (ImporterCacheKey(state, entry) is not string key)
        {
            return null;
        }
        if (state.PathImporterCache.TryGetValue(key, out IPathEntryFinder? cached))
        {
            return cached;
        }
        IPathEntryFinder? finder = RunHooks(state, key);
        return state.PathImporterCache.GetOrAdd(key, finder);
    }

    /// <summary>
    /// Whether a lookup in <paramref name="entry"/> only runs engine-owned or thread-safe code:
    /// its cached finder is <see cref="IThreadSafe"/> (or none: the answer is "nothing"), or, on
    /// a cache miss, every hook is. Only such entries are worth handing to another thread; the
    /// rest would just queue on the host gate.
    /// </summary>
    public static bool IsParallelSafe(FinderState state, string entry)
    {
        if (ImporterCacheKey(state, entry) is not string key)
        {
            return true; // no finder and no hook will run: the answer is "nothing"
        }
        if (state.PathImporterCache.TryGetValue(key, out IPathEntryFinder? finder))
        {
            return finder is null or IThreadSafe;
        }
        foreach (PathHook hook in state.PathHooks.Snapshot())
        {
            if ((hook.Target ?? hook) is not IThreadSafe)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The fast path: an entry whose finder is cached and either <c>None</c> or an engine finder
    /// with a current published listing is answered on the caller's thread. Returns null when
    /// the entry's owner must be asked (a cache miss, a host finder, a stale listing).
    /// </summary>
    public static PathEntryAnswer? TryFindWithoutOwner(FinderState state, string entry, string fullname)
    {
        if (ImporterCacheKey(state, entry) is not string key)
        {
            return PathEntryAnswer.None; // '' and the cwd is gone: nothing, and nothing cached
        }
        if (!state.PathImporterCache.TryGetValue(key, out IPathEntryFinder? finder))
        {
            return null;
        }
        if (finder is null)
        {
            return PathEntryAnswer.None;
        }
        if (finder is IPublishedPathEntryFinder published && published.HasListing)
        {
            try
            {
                return published.TryFindSpecIfFresh(fullname, out ModuleSpec? spec)
                    ? (spec is null ? PathEntryAnswer.None : new PathEntryAnswer(spec))
                    : null;
            }
            catch (Exception e)
            {
                return new PathEntryAnswer(null, e);
            }
        }
        return null;
    }

    /// <summary><c>_path_hooks</c>: the first hook that does not raise <c>ImportError</c> wins.</summary>
    private static IPathEntryFinder? RunHooks(FinderState state, string entry)
    {
        IReadOnlyList<PathHook> hooks = state.PathHooks.Snapshot();
        // 3.11 warns "sys.path_hooks is empty" (ImportWarning) here; warnings are not modelled yet.
        foreach (PathHook hook in hooks)
        {
            if (hook.Target is IPathHookPrecheck precheck && precheck.Declines(entry))
            {
                continue; // the hook would raise ImportError: skip it without the exception
            }
            try
            {
                return state.HostGate.Call(hook.Target ?? hook, () => hook(entry));
            }
            catch (ImportError)
            {
            }
        }
        return null;
    }
}

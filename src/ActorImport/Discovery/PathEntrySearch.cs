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
    /// <c>_path_importer_cache</c>: <c>''</c> means the current directory (nothing is cached when
    /// it is gone); a miss runs the hooks and caches the result, <c>None</c> included.
    /// </summary>
    public static IPathEntryFinder? FinderFor(FinderState state, string entry)
    {
        if (entry.Length == 0)
        {
            string? cwd = state.CurrentDirectory();
            if (cwd is null)
            {
                return null;
            }
            entry = cwd;
        }
        if (state.PathImporterCache.TryGetValue(entry, out IPathEntryFinder? cached))
        {
            return cached;
        }
        IPathEntryFinder? finder = RunHooks(state, entry);
        return state.PathImporterCache.GetOrAdd(entry, finder);
    }

    /// <summary><c>_path_hooks</c>: the first hook that does not raise <c>ImportError</c> wins.</summary>
    private static IPathEntryFinder? RunHooks(FinderState state, string entry)
    {
        IReadOnlyList<PathHook> hooks = state.PathHooks.Snapshot();
        // 3.11 warns "sys.path_hooks is empty" (ImportWarning) here; warnings are not modelled yet.
        foreach (PathHook hook in hooks)
        {
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

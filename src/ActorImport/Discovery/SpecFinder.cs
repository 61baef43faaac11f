using ActorImport.Loading;
using ActorImport.Model;

namespace ActorImport.Discovery;

/// <summary>
/// <c>importlib.util.find_spec</c> and <c>importlib._bootstrap._find_spec</c> over one engine's
/// <see cref="FinderState"/>. Stateless; safe from any thread.
/// Difference from CPython: <c>find_spec('a.b')</c> imports <c>a</c> first in CPython; this
/// engine cannot execute yet, so when <c>a</c> is not in <c>sys.modules</c> its search locations
/// come from <c>a</c>'s own spec (found the same way) instead of the executed <c>a.__path__</c>.
/// A package whose body rewrites <c>__path__</c> or registers submodules (as <c>os</c> does for
/// <c>os.path</c>) is therefore answered as its files say, not as its body would. Like an
/// imported parent, a parent found this way is kept (per engine state) for later lookups.
/// </summary>
public static class SpecFinder
{
    /// <summary><c>importlib.util.find_spec(name, package)</c>.</summary>
    public static ModuleSpec? FindSpec(FinderState state, string name, string? package = null)
    {
        string fullname = name.StartsWith('.') ? ImportUtil.ResolveName(name, package) : name;
        if (state.Modules.TryGetModule(fullname, out ModuleObject? module))
        {
            return SpecOfImported(name, module);
        }
        int dot = fullname.LastIndexOf('.');
        IReadOnlyList<string>? parentPath = null;
        if (dot >= 0)
        {
            string parentName = fullname[..dot];
            parentPath = ParentSearchLocations(state, parentName, fullname);
        }
        return FindSpecOnMetaPath(state, fullname, parentPath);
    }

    /// <summary>
    /// <c>_bootstrap._find_spec(name, path, target)</c>: the first meta-path finder with an
    /// answer wins; if finding imported the module as a side effect (and this is not a reload),
    /// the module's own <c>__spec__</c> is returned instead, unless it is missing or None.
    /// </summary>
    public static ModuleSpec? FindSpecOnMetaPath(FinderState state, string name, IReadOnlyList<string>? path, ModuleObject? target = null)
    {
        IReadOnlyList<IMetaPathFinder> metaPath = state.MetaPath.Snapshot();
        // 3.11 warns "sys.meta_path is empty" (ImportWarning) here; warnings are not modelled yet.
        bool isReload = state.Modules.TryGetModule(name, out _);
        foreach (IMetaPathFinder finder in metaPath)
        {
            ModuleSpec? spec = state.HostGate.Call(finder, () => finder.FindSpec(name, path, target));
            if (spec is null)
            {
                continue;
            }
            if (!isReload && state.Modules.TryGetModule(name, out ModuleObject? module) && module is not null
                && module.TryGetAttribute("__spec__", out object? existing) && existing is ModuleSpec moduleSpec)
            {
                return moduleSpec;
            }
            return spec;
        }
        return null;
    }

    /// <summary>An imported module's <c>__spec__</c>, with CPython's errors for a missing or None one.</summary>
    private static ModuleSpec? SpecOfImported(string name, ModuleObject? module)
    {
        if (module is null)
        {
            return null;
        }
        if (!module.TryGetAttribute("__spec__", out object? spec))
        {
            throw new PythonException("ValueError", $"{name}.__spec__ is not set");
        }
        return spec as ModuleSpec ?? throw new PythonException("ValueError", $"{name}.__spec__ is None");
    }

    /// <summary>
    /// The parent's <c>__path__</c>: from <c>sys.modules</c> when imported, otherwise from the
    /// parent's spec (see the class remarks). Errors as <c>__import__(parent)</c> and the
    /// <c>__path__</c> check of <c>find_spec</c> raise them.
    /// </summary>
    private static IReadOnlyList<string> ParentSearchLocations(FinderState state, string parentName, string fullname)
    {
        IEnumerable<string>? locations;
        if (state.Modules.TryGetModule(parentName, out ModuleObject? parent))
        {
            if (parent is null)
            {
                throw new ModuleNotFoundError($"import of {parentName} halted; None in sys.modules", parentName);
            }
            locations = parent.TryGetAttribute("__path__", out object? value) ? value as IEnumerable<string> : null;
        }
        else if (!state.ParentLocations.TryGetValue(parentName, out locations))
        {
            ModuleSpec parentSpec = FindSpec(state, parentName) ?? throw ModuleNotFoundError.NoModuleNamed(parentName);
            locations = parentSpec.SubmoduleSearchLocations;
            if (locations is not null)
            {
                locations = state.ParentLocations.GetOrAdd(parentName, locations);
            }
        }
        if (locations is null)
        {
            throw new ModuleNotFoundError($"__path__ attribute not found on '{parentName}' while trying to find '{fullname}'", fullname);
        }
        return [.. locations];
    }
}

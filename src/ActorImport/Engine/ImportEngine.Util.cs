using ActorImport.Discovery;
using ActorImport.Loading;
using ActorImport.Model;

namespace ActorImport.Engine;

// importlib.util.find_spec and importlib.reload.
public sealed partial class ImportEngine
{
    /// <summary>
    /// <c>importlib.util.find_spec(name, package=None)</c>: an imported module's
    /// <c>__spec__</c> (None for a None entry; ValueError when it is missing or None); otherwise
    /// the parent is imported through this engine first (<c>__import__(parent, fromlist=['__path__'])</c>,
    /// so its body runs as in CPython) and the meta path is asked with the parent's <c>__path__</c>.
    /// </summary>
    public ModuleSpec? FindSpec(string name, string? package = null) =>
        InChain((name, package), (chain, a) => FindSpec(chain, a.name, a.package));

    private ModuleSpec? FindSpec(ImportChain chain, string name, string? package)
    {
        string fullname = name.StartsWith('.') ? ImportUtil.ResolveName(name, package) : name;
        if (_map.TryGetEntry(fullname, out ModuleEntry? entry))
        {
            if (entry!.Value is null)
            {
                return null;
            }
            if (entry.Value is not ModuleObject module || !module.TryGetAttribute("__spec__", out object? spec))
            {
                throw new PythonException("ValueError", $"{name}.__spec__ is not set");
            }
            return spec as ModuleSpec ?? throw new PythonException("ValueError", $"{name}.__spec__ is None");
        }
        IReadOnlyList<string>? parentPath = null;
        if (ParentOf(fullname) is string parentName)
        {
            object? parent = ImportName(chain, parentName, null, ["__path__"], 0);
            parentPath = SearchLocations(parent)
                ?? throw new ModuleNotFoundError($"__path__ attribute not found on {PythonRepr.Str(parentName)} while trying to find {PythonRepr.Str(fullname)}", fullname);
        }
        return SpecFinder.FindSpecOnMetaPath(_state, fullname, parentPath);
    }

    /// <summary>
    /// <c>importlib.reload(module)</c>: the spec is found again (with the parent's
    /// <c>__path__</c>, the module as target) and the body re-executed in the SAME module object,
    /// so names it no longer binds stay; the dunders are re-initialised with override. Returns
    /// what <c>sys.modules[name]</c> holds afterwards. A reload of a module already being
    /// reloaded returns it at once (CPython's <c>_RELOADING</c>).
    /// </summary>
    public object? Reload(ModuleObject module) =>
        InChain(module, (chain, m) => Reload(chain, m));

    private object? Reload(ImportChain chain, ModuleObject module)
    {
        string name = module.Spec?.Name ?? module.GetAttributeOrDefault("__name__") as string
            ?? throw new PythonException("TypeError", "reload() argument must be a module");
        if (!_map.TryGetEntry(name, out ModuleEntry? entry) || !ReferenceEquals(entry!.Value, module))
        {
            throw new ImportError($"module {name} not in sys.modules", name);
        }
        if (!_reloading.TryAdd(name, module))
        {
            return _reloading.TryGetValue(name, out ModuleObject? reloading) ? reloading : module;
        }
        try
        {
            IReadOnlyList<string>? path = null;
            if (ParentOf(name) is string parentName)
            {
                if (!_map.TryGetEntry(parentName, out ModuleEntry? parent))
                {
                    throw new ImportError($"parent {PythonRepr.Str(parentName)} not in sys.modules", parentName);
                }
                path = SearchLocations(parent!.Value)
                    ?? throw new PythonException("AttributeError", $"module {PythonRepr.Str(parentName)} has no attribute '__path__'");
            }
            ModuleSpec spec = SpecFinder.FindSpecOnMetaPath(_state, name, path, module)
                ?? throw new ModuleNotFoundError($"spec not found for the module {PythonRepr.Str(name)}", name);
            module.Spec = spec;
            Exec(spec, module);
            return _map.TryGetEntry(name, out ModuleEntry? after) ? after!.Value : throw new PythonException("KeyError", PythonRepr.Str(name));
        }
        finally
        {
            _reloading.TryRemove(name, out _);
        }
    }

    /// <summary><c>_bootstrap._exec(spec, module)</c>: re-initialise the dunders (override) and execute in place; the entry moves to the end.</summary>
    private void Exec(ModuleSpec spec, ModuleObject module)
    {
        string name = spec.Name;
        if (!_map.TryGetEntry(name, out ModuleEntry? entry) || !ReferenceEquals(entry!.Value, module))
        {
            throw new ImportError($"module {PythonRepr.Str(name)} not in sys.modules", name);
        }
        try
        {
            ImportUtil.InitModuleAttrs(spec, module, @override: true);
            if (spec.Loader is null)
            {
                if (spec.SubmoduleSearchLocations is null)
                {
                    throw new ImportError("missing loader", name);
                }
            }
            else
            {
                spec.Loader.ExecModule(module);
            }
        }
        finally
        {
            _map.TryMoveToEnd(name, out _);
        }
    }
}

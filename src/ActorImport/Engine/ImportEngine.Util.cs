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
            WithFreshClaim(name, chain, () => ExecUnlocked(spec, module));
            return _map.TryGetEntry(name, out ModuleEntry? after) ? after!.Value : throw new PythonException("KeyError", PythonRepr.Str(name));
        }
        finally
        {
            _reloading.TryRemove(name, out _);
        }
    }

    /// <summary>
    /// <c>_bootstrap._exec(spec, module)</c>: executes <paramref name="spec"/>'s loader again in
    /// <paramref name="module"/>, which must be <c>sys.modules[spec.name]</c> (else ImportError);
    /// the dunders are re-initialised with override, the entry moves to the end, and what it holds
    /// afterwards is returned. Serialised with other loads of the name, as under CPython's module
    /// lock.
    /// </summary>
    public object? Exec(ModuleSpec spec, ModuleObject module) =>
        InChain((spec, module), (chain, a) => WithFreshClaim(a.spec.Name, chain, () => ExecUnlocked(a.spec, a.module)));

    /// <summary>
    /// <c>_bootstrap._load(spec)</c>: creates, publishes and executes a new module for
    /// <paramref name="spec"/> whatever <c>sys.modules</c> holds, under the name's claim; returns
    /// what <c>sys.modules</c> holds afterwards. Unlike an import it does not bind the module on
    /// its parent.
    /// </summary>
    public object? Load(ModuleSpec spec) =>
        InChain(spec, (chain, s) => WithFreshClaim(s.Name, chain, () =>
        {
            object? value = LoadUnlocked(s, chain);
            _map.MarkReady(s.Name, chain);
            return value;
        }));

    /// <summary>
    /// Runs <paramref name="action"/> holding a fresh claim on <paramref name="name"/>: waits for
    /// another chain's attempt first; re-entrant for a chain that already holds it.
    /// </summary>
    private object? WithFreshClaim(string name, ImportChain chain, Func<object?> action)
    {
        while (true)
        {
            ClaimReply reply = _coordination.Claim(name, chain, fresh: true);
            switch (reply.Kind)
            {
                case ClaimKind.Wait:
                    _ = _options.Observer is null ? AwaitAttempt(name, chain, reply.Pending!) : ObservedAwaitAttempt(name, chain, reply.Pending!);
                    continue;
                case ClaimKind.Failed:
                    throw reply.Error!;
                case ClaimKind.Own when !reply.Nested:
                    object? value;
                    try
                    {
                        value = action();
                    }
                    catch (Exception error)
                    {
                        _coordination.Finished(name, chain, ClaimReply.Failed(error));
                        throw;
                    }
                    _coordination.Finished(name, chain, ClaimReply.Ready(value));
                    return value;
                default:
                    // Held by this chain already (or a cycle would deadlock): run without a claim.
                    return action();
            }
        }
    }

    private object? ExecUnlocked(ModuleSpec spec, ModuleObject module)
    {
        string name = spec.Name;
        if (!_map.TryGetEntry(name, out ModuleEntry? entry) || !ReferenceEquals(entry!.Value, module))
        {
            throw new ImportError($"module {PythonRepr.Str(name)} not in sys.modules", name);
        }
        try
        {
            if (spec.Loader is null && spec.SubmoduleSearchLocations is null)
            {
                throw new ImportError("missing loader", name);
            }
            ImportUtil.InitModuleAttrs(spec, module, @override: true);
            spec.Loader?.ExecModule(module);
        }
        finally
        {
            _map.TryMoveToEnd(name, out _);
        }
        return _map.TryGetEntry(name, out ModuleEntry? after) ? after!.Value : throw new PythonException("KeyError", PythonRepr.Str(name));
    }
}

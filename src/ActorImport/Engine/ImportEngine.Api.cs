using ActorImport.Diagnostics;
using ActorImport.Loading;
using ActorImport.Model;
using ActorImport.Python.Interpreting;
using ActorImport.Python.Interpreting.Values;

namespace ActorImport.Engine;

// importlib.import_module, builtins.__import__ and _handle_fromlist.
public sealed partial class ImportEngine
{
    /// <summary>
    /// <c>importlib.import_module(name, package=None)</c>: the leaf module (whatever
    /// <c>sys.modules[name]</c> holds after loading). A relative name (leading dots) needs
    /// <paramref name="package"/>. A cached, ready module is returned without a message.
    /// </summary>
    /// <exception cref="PythonException">CPython's error (ModuleNotFoundError, ImportError, TypeError, ValueError, or a body's exception).</exception>
    public object? ImportModule(string name, string? package = null)
    {
        // Fast path: one lock-free read; no chain, no allocation.
        if (!_disposed && name.Length > 0 && name[0] != '.' && _map.TryGetEntry(name, out ModuleEntry? entry) && entry!.Owner is null
            && entry.Value is not null and not LazyModule { IsPending: true })
        {
            if (_options.Observer is not null)
            {
                Observe(ImportEventKind.CacheHit, name, CurrentChain);
            }
            return entry.Value;
        }
        string absolute = ResolveImportModuleName(name, package);
        return InChain(absolute, (chain, n) => FindAndLoad(n, chain));
    }

    /// <summary>
    /// <see cref="ImportModule"/> without blocking a thread while another chain initialises a
    /// module this one needs. The bodies this chain owns run synchronously on the thread the
    /// flow is on (their nested imports are synchronous, as in CPython).
    /// <paramref name="cancellationToken"/> ends a wait for another chain's module: this chain
    /// leaves with <see cref="OperationCanceledException"/> (its wait edge and place among the
    /// waiters are removed) and the owner goes on; a body this chain runs is not interrupted.
    /// </summary>
    public async Task<object?> ImportModuleAsync(string name, string? package = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        string absolute = ResolveImportModuleName(name, package);
        ImportChain chain = EnterChainAsync();
        try
        {
            return await FindAndLoadAsync(absolute, chain, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsDisposalFailure(e))
        {
            throw DisposedDuring(e);
        }
    }

    /// <summary><see cref="ImportModuleAsync(string, string?, CancellationToken)"/> of an absolute or package-less name.</summary>
    public Task<object?> ImportModuleAsync(string name, CancellationToken cancellationToken) =>
        ImportModuleAsync(name, null, cancellationToken);

    /// <summary><c>import_module</c>'s argument handling and <c>_gcd_import</c>'s <c>_sanity_check</c> / <c>_resolve_name</c>.</summary>
    private static string ResolveImportModuleName(string name, string? package)
    {
        int level = 0;
        if (name.StartsWith('.'))
        {
            if (string.IsNullOrEmpty(package))
            {
                throw new PythonException("TypeError", $"the 'package' argument is required to perform a relative import for {PythonRepr.Str(name)}");
            }
            while (level < name.Length && name[level] == '.')
            {
                level++;
            }
        }
        string bare = name[level..];
        if (level > 0)
        {
            return ImportUtil.ResolveName(bare, package!, level);
        }
        if (bare.Length == 0)
        {
            throw new PythonException("ValueError", "Empty module name");
        }
        return bare;
    }

    /// <summary>
    /// <c>builtins.__import__(name, globals, locals, fromlist, level)</c> (the C path of the
    /// <c>import</c> statement): without a fromlist, the top-level package for <c>import a.b</c>
    /// (or, relative, the package the first component names); with one, the module itself after
    /// <c>_handle_fromlist</c> imported the submodules it names.
    /// </summary>
    /// <param name="globals">The importing module's namespace; needed for a relative import (<paramref name="level"/> &gt; 0).</param>
    public object? ImportName(string name, ModuleObject? globals = null, IReadOnlyList<string>? fromlist = null, int level = 0) =>
        InChain((name, globals, fromlist, level), (chain, a) => ImportName(chain, a.name, a.globals, a.fromlist, a.level));

    private object? ImportName(ImportChain chain, string name, ModuleObject? globals, IReadOnlyList<string>? fromlist, int level)
    {
        if (level < 0)
        {
            throw new PythonException("ValueError", "level must be >= 0");
        }
        string absolute;
        if (level > 0)
        {
            absolute = ResolveRelative(name, globals, level);
        }
        else
        {
            if (name.Length == 0)
            {
                throw new PythonException("ValueError", "Empty module name");
            }
            absolute = name;
        }
        object? module = FindAndLoad(absolute, chain);
        if (fromlist is null || fromlist.Count == 0)
        {
            if (level == 0 || name.Length > 0)
            {
                int dot = name.IndexOf('.');
                if (dot < 0)
                {
                    return module;
                }
                if (level == 0)
                {
                    return FindAndLoad(name[..dot], chain);
                }
                int cutOff = name.Length - dot;
                string toReturn = absolute[..(absolute.Length - cutOff)];
                return _map.TryGetEntry(toReturn, out ModuleEntry? entry)
                    ? entry!.Value
                    : throw new PythonException("KeyError", $"{PythonRepr.Str(toReturn)} not in sys.modules as expected");
            }
            return module;
        }
        return module is ModuleObject m && m.HasAttribute("__path__") ? HandleFromlist(chain, m, fromlist.Cast<object?>(), recursive: false) : module;
    }

    /// <summary>
    /// import.c's <c>resolve_name</c>: the package is <c>__package__</c>, else
    /// <c>__spec__.parent</c>, else <c>__name__</c> (cut to its parent unless <c>__path__</c> is
    /// bound); then up <paramref name="level"/> - 1 dots, with CPython's errors.
    /// </summary>
    private static string ResolveRelative(string name, ModuleObject? globals, int level)
    {
        if (globals is null)
        {
            throw new PythonException("KeyError", "'__name__' not in globals");
        }
        string package;
        object? packageValue = globals.GetAttributeOrDefault("__package__");
        object? spec = globals.GetAttributeOrDefault("__spec__");
        if (packageValue is not null)
        {
            package = packageValue as string ?? throw new PythonException("TypeError", "package must be a string");
        }
        else if (spec is ModuleSpec moduleSpec)
        {
            package = moduleSpec.Parent;
        }
        else
        {
            if (!globals.TryGetAttribute("__name__", out object? moduleName))
            {
                throw new PythonException("KeyError", "'__name__' not in globals");
            }
            package = moduleName as string ?? throw new PythonException("TypeError", "__name__ must be a string");
            if (!globals.HasAttribute("__path__"))
            {
                int dot = package.LastIndexOf('.');
                package = dot < 0 ? string.Empty : package[..dot];
            }
        }
        if (package.Length == 0)
        {
            throw new ImportError("attempted relative import with no known parent package");
        }
        return ImportUtil.ResolveName(name, package, level);
    }

    /// <summary>
    /// <c>_handle_fromlist(module, fromlist, import_, recursive)</c>: each name the package does
    /// not bind is imported as a submodule; <c>*</c> expands to <c>__all__</c> (once); a
    /// ModuleNotFoundError for exactly that submodule is swallowed unless <c>sys.modules</c> holds
    /// None for it.
    /// </summary>
    private ModuleObject HandleFromlist(ImportChain chain, ModuleObject module, IEnumerable<object?> fromlist, bool recursive)
    {
        foreach (object? item in fromlist)
        {
            if (item is not string x)
            {
                string where = recursive ? $"{module.Name}.__all__" : "``from list''";
                throw new PythonException("TypeError", $"Item in {where} must be str, not {TypeName(item)}");
            }
            if (x == "*")
            {
                if (!recursive && module.TryGetAttribute("__all__", out object? all) && AsSequence(all) is IEnumerable<object?> names)
                {
                    HandleFromlist(chain, module, names, recursive: true);
                }
                continue;
            }
            if (LazyImports.IsBound(module, x))
            {
                continue;
            }
            string fromName = $"{module.Name}.{x}";
            try
            {
                FindAndLoad(fromName, chain);
            }
            catch (ModuleNotFoundError e) when (e.Name == fromName && !(_map.TryGetEntry(fromName, out ModuleEntry? blocked) && blocked!.Value is null))
            {
            }
        }
        return module;
    }

    private static IEnumerable<object?>? AsSequence(object? value) => value switch
    {
        PyTuple tuple => tuple.Items,
        IEnumerable<object?> items => items,
        _ => null,
    };

    private static string TypeName(object? value) => value switch
    {
        null => "NoneType",
        long or int => "int",
        double => "float",
        bool => "bool",
        PyTuple => "tuple",
        _ => value.GetType().Name,
    };
}

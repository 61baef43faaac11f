using ActorImport.Model;
using ActorImport.Python.Caching;
using ActorImport.Python.Interpreting;

namespace ActorImport.Tests.Python.Interpreting;

/// <summary>An opaque built-in module (sys, os, typing…): attributes exist but are unknown.</summary>
internal sealed class OpaqueBuiltinModule(string name) : ModuleObject(name), IOpaqueAttributes;

/// <summary>
/// A small, single-threaded stand-in for the engine (issue 4/6): a temp directory of .py files,
/// a sys.modules dictionary, importlib's <c>__import__</c>/<c>_gcd_import</c>/<c>_handle_fromlist</c>
/// written out plainly, and the interpreter running each body. Records the order in which
/// modules are executed. Not thread-safe.
/// </summary>
internal sealed class FakeImportSystem : IImportCallback, IDisposable
{
    /// <summary>Stand-ins for stdlib modules when the root is a small temp tree.</summary>
    private static readonly HashSet<string> StandIns = ["os", "typing", "importlib", "time"];
    private readonly HashSet<string> _builtins;
    private readonly Dictionary<string, object?> _sysModules = new(StringComparer.Ordinal);
    private readonly HashSet<ModuleObject> _initializing = new(ReferenceEqualityComparer.Instance);
    private readonly SourceModuleRunner _runner;
    private readonly bool _ownsRoot;

    public FakeImportSystem(InterpreterOptions? options = null, CompiledModuleCache? cache = null, string? root = null, string? fallbackRoot = null)
    {
        FallbackRoot = fallbackRoot;
        _ownsRoot = root is null;
        // CPython's frozen importlib is there before any import runs; importlib/__init__.py relies on it.
        _builtins = [.. (options ?? InterpreterOptions.Default).BuiltinModuleNames, "_frozen_importlib", "_frozen_importlib_external"];
        Root = root ?? Path.Combine(Path.GetTempPath(), "actorimport-interp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        _runner = new SourceModuleRunner(new ModuleInterpreter(this, options), cache);
    }

    public string Root { get; }

    /// <summary>A second top-level directory searched after <see cref="Root"/> (the real standard library, for the oracle comparisons); null for none.</summary>
    public string? FallbackRoot { get; }

    /// <summary>Names of the modules whose bodies ran, in order.</summary>
    public List<string> Executed { get; } = [];

    public List<InterpreterDiagnostic> Diagnostics { get; } = [];

    public Dictionary<string, ExecutionResult> Results { get; } = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, object?> SysModules => _sysModules;

    /// <summary>Writes <paramref name="relativePath"/> (e.g. <c>pkg/__init__.py</c>) under the root.</summary>
    public FakeImportSystem Write(string relativePath, string source)
    {
        string path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, source.ReplaceLineEndings("\n"));
        return this;
    }

    /// <summary><c>importlib.import_module(name)</c>, for a module that stays a module.</summary>
    public ModuleObject ImportModule(string name) => (ModuleObject)GcdImport(name)!;

    /// <summary><c>importlib.import_module(name)</c>: whatever sys.modules holds for it at the end.</summary>
    public object? Import(string name) => GcdImport(name);

    public void Put(string name, object? module) => _sysModules[name] = module;

    public object? Import(string name, ModuleObject globals, IReadOnlyList<string>? fromlist, int level)
    {
        string full = level == 0 ? name : ResolveRelative(name, globals, level);
        if (full.Length == 0)
        {
            throw new PythonException("ValueError", "Empty module name");
        }
        object? module = GcdImport(full);
        if (fromlist is null || fromlist.Count == 0)
        {
            if (level == 0)
            {
                return _sysModules[name.Split('.')[0]];
            }
            if (name.Length == 0)
            {
                return module;
            }
            int cutOff = name.Length - name.Split('.')[0].Length;
            string moduleName = ((ModuleObject)module!).Name;
            return _sysModules[moduleName[..(moduleName.Length - cutOff)]];
        }
        if (module is ModuleObject m && m.HasAttribute("__path__"))
        {
            HandleFromlist(m, fromlist, recursive: false);
        }
        return module;
    }

    public bool TryGetSysModule(string name, out object? module) => _sysModules.TryGetValue(name, out module);

    public void SetSysModule(string name, object? value) => _sysModules[name] = value;

    public bool RemoveSysModule(string name) => _sysModules.Remove(name);

    public bool IsInitializing(ModuleObject module) => _initializing.Contains(module);

    private static string ResolveRelative(string name, ModuleObject globals, int level)
    {
        string? package = globals.GetAttributeOrDefault("__package__") as string;
        if (string.IsNullOrEmpty(package))
        {
            throw new ImportError("attempted relative import with no known parent package");
        }
        string[] bits = package.Split('.');
        if (bits.Length < level)
        {
            throw new ImportError("attempted relative import beyond top-level package");
        }
        string @base = string.Join('.', bits.Take(bits.Length - (level - 1)));
        return name.Length == 0 ? @base : $"{@base}.{name}";
    }

    private void HandleFromlist(ModuleObject module, IReadOnlyList<string> fromlist, bool recursive)
    {
        foreach (string x in fromlist)
        {
            if (x == "*")
            {
                if (!recursive && module.TryGetAttribute("__all__", out object? all) && all is IEnumerable<object?> names)
                {
                    HandleFromlist(module, names.OfType<string>().ToArray(), recursive: true);
                }
                continue;
            }
            // importlib's _handle_fromlist asks hasattr(), which runs a PEP 562 __getattr__.
            if (_runner.Interpreter.TryGetModuleAttribute(module, x, out _, Diagnostics.Add))
            {
                continue;
            }
            string full = $"{module.Name}.{x}";
            try
            {
                GcdImport(full);
            }
            catch (ModuleNotFoundError e) when (e.Name == full && !(_sysModules.TryGetValue(full, out object? v) && v is null))
            {
            }
        }
    }

    private object? GcdImport(string name)
    {
        if (_sysModules.TryGetValue(name, out object? existing))
        {
            return existing ?? throw new ModuleNotFoundError($"import of {name} halted; None in sys.modules", name);
        }
        int dot = name.LastIndexOf('.');
        string? searchDirectory = Root;
        ModuleObject? parent = null;
        if (dot >= 0)
        {
            string parentName = name[..dot];
            parent = GcdImport(parentName) as ModuleObject;
            if (_sysModules.TryGetValue(name, out existing))
            {
                return existing;
            }
            if (parent?.GetAttributeOrDefault("__path__") is not List<object?> { Count: > 0 } path)
            {
                throw new ModuleNotFoundError($"No module named '{name}'; '{parentName}' is not a package", name);
            }
            searchDirectory = (string)path[0]!;
        }
        string leaf = name[(dot + 1)..];
        string packageInit = Path.Combine(searchDirectory, leaf, "__init__.py");
        string moduleFile = Path.Combine(searchDirectory, leaf + ".py");
        if (dot < 0 && FallbackRoot is not null && !File.Exists(packageInit) && !File.Exists(moduleFile))
        {
            packageInit = Path.Combine(FallbackRoot, leaf, "__init__.py");
            moduleFile = Path.Combine(FallbackRoot, leaf + ".py");
        }
        bool isPackage = File.Exists(packageInit);
        string? file = isPackage ? packageInit : File.Exists(moduleFile) ? moduleFile : null;
        string dynload = Path.Combine(FallbackRoot ?? Root, "lib-dynload");
        bool extension = (dot < 0 && Directory.Exists(dynload) && Directory.GetFiles(dynload, name + ".*.so").Length > 0)
            || (Directory.Exists(searchDirectory) && Directory.GetFiles(searchDirectory, leaf + ".*.so").Length > 0);
        if ((dot < 0 && _builtins.Contains(name)) || extension || (dot < 0 && file is null && FallbackRoot is null && StandIns.Contains(name)))
        {
            var builtin = new OpaqueBuiltinModule(name);
            builtin.SetAttribute("__spec__", new ModuleSpec(name, null, extension ? "extension" : "built-in"));
            _sysModules[name] = builtin;
            parent?.SetAttribute(leaf, builtin);
            return builtin;
        }
        if (file is null)
        {
            throw ModuleNotFoundError.NoModuleNamed(name);
        }
        var module = new ModuleObject(name);
        module.SetAttribute("__file__", file);
        module.SetAttribute("__package__", isPackage ? name : (dot >= 0 ? name[..dot] : string.Empty));
        if (isPackage)
        {
            module.SetAttribute("__path__", new List<object?> { Path.GetDirectoryName(file) });
        }
        _sysModules[name] = module;
        _initializing.Add(module);
        Executed.Add(name);
        try
        {
            Results[name] = _runner.Run(module, file, Diagnostics.Add);
        }
        catch
        {
            _sysModules.Remove(name);
            throw;
        }
        finally
        {
            _initializing.Remove(module);
        }
        object? final = _sysModules[name];
        parent?.SetAttribute(leaf, final);
        return final;
    }

    public void Dispose()
    {
        if (!_ownsRoot)
        {
            return;
        }
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

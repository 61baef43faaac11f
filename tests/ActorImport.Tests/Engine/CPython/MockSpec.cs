using ActorImport.Engine;
using ActorImport.Loading;
using ActorImport.Model;

namespace ActorImport.Tests.Engine.CPython;

/// <summary>
/// test/test_importlib/util.py's <c>mock_spec</c>: a meta-path finder and loader over
/// pre-made modules. A name ending in <c>.__init__</c> is a package (<c>__path__ =
/// ['&lt;mock __path__&gt;']</c>); every module has <c>attr</c> = its mock name and
/// <c>__file__ = '&lt;mock __file__&gt;'</c>; <c>create_module</c> returns the pre-made module;
/// <c>exec_module</c> runs the body given for the import name, if any. Thread-safe for reads
/// after construction (bodies run on the importing chain).
/// </summary>
internal sealed class MockSpec : IMetaPathFinder, IPathEntryFinder, ILoader, IThreadSafe
{
    private readonly Dictionary<string, ModuleObject> _modules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Action<ModuleObject>> _code;

    public MockSpec(string[] names, Dictionary<string, Action<ModuleObject>>? moduleCode = null)
    {
        _code = moduleCode ?? [];
        foreach (string name in names)
        {
            string importName = name.EndsWith(".__init__", StringComparison.Ordinal) ? name[..^".__init__".Length] : name;
            string? package = !name.Contains('.') ? null : importName == name ? name[..name.LastIndexOf('.')] : importName;
            var module = ModuleObject.ModuleType(importName);
            module.Loader = this;
            module.File = "<mock __file__>";
            module.Package = package;
            module.SetAttribute("attr", name);
            if (importName != name)
            {
                module.Path = new List<string> { "<mock __path__>" };
            }
            _modules[importName] = module;
        }
    }

    public MockSpec(params string[] names)
        : this(names, null)
    {
    }

    /// <summary><c>mock[name]</c>: the pre-made module.</summary>
    public ModuleObject this[string name] => _modules[name];

    public ModuleSpec? FindSpec(string fullname, IReadOnlyList<string>? path, ModuleObject? target = null)
    {
        if (!_modules.TryGetValue(fullname, out ModuleObject? module))
        {
            return null;
        }
        return ImportUtil.SpecFromFileLocation(fullname, module.File, this, submoduleSearchLocations: module.Path);
    }

    /// <summary>As a path-entry finder (<c>find_spec(fullname, target)</c>).</summary>
    public ModuleSpec? FindSpec(string fullname, ModuleObject? target = null) => FindSpec(fullname, null, target);

    public void InvalidateCaches()
    {
    }

    public ModuleObject? CreateModule(ModuleSpec spec) =>
        _modules.TryGetValue(spec.Name, out ModuleObject? module) ? module : throw new ImportError("no such mock module");

    public void ExecModule(ModuleObject module)
    {
        if (module.Spec is ModuleSpec spec && _code.TryGetValue(spec.Name, out Action<ModuleObject>? body))
        {
            body(module);
        }
    }

    /// <summary><c>import_state(meta_path=[mock])</c> on <paramref name="engine"/>.</summary>
    public MockSpec InstallOn(ImportEngine engine)
    {
        engine.MetaPath.SetAll([this]);
        return this;
    }
}

/// <summary>Globals dictionaries of the ported tests as module namespaces (a dict without <c>__name__</c> has none).</summary>
internal static class Globals
{
    public static ModuleObject Of(params (string Key, object? Value)[] items)
    {
        var globals = new ModuleObject("<globals>");
        globals.RemoveAttribute("__name__");
        foreach (var (key, value) in items)
        {
            globals.SetAttribute(key, value);
        }
        return globals;
    }
}

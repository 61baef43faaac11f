using ActorImport.Discovery;
using ActorImport.Loading;
using ActorImport.Model;

namespace ActorImport.Engine;

/// <summary>
/// The modules CPython 3.11 on Linux has in <c>sys.modules</c> when <c>python3 -I -S</c> starts
/// (so that the modules an import adds compare with CPython's). Built-in and frozen ones are
/// opaque modules with their importer's spec; the <c>encodings</c> start-up modules get the spec
/// the path finder gives them (when the search path has the standard library) and are not
/// executed either; <c>__main__</c> is an empty module. Stateless.
/// </summary>
public static class StartupModules
{
    /// <summary>CPython 3.11's <c>sorted(sys.modules)</c> under <c>-I -S -c</c>, in start-up order.</summary>
    public static readonly IReadOnlyList<string> Python311 =
    [
        "sys", "builtins", "_frozen_importlib", "_imp", "_thread", "_warnings", "_weakref", "_io", "marshal", "posix",
        "_frozen_importlib_external", "time", "zipimport", "_codecs", "codecs", "encodings", "encodings.aliases",
        "encodings.utf_8", "_signal", "_abc", "abc", "io", "__main__",
    ];

    /// <summary>Puts every start-up module that can be found into <paramref name="modules"/>.</summary>
    internal static void Install(ModuleMap modules, FinderState state)
    {
        foreach (string name in Python311)
        {
            if (name == "__main__")
            {
                var main = new ModuleObject("__main__");
                main.SetAttribute("__doc__", null);
                main.SetAttribute("__package__", null);
                main.SetAttribute("__loader__", state.MetaPath.Snapshot().OfType<BuiltinImporter>().FirstOrDefault());
                main.SetAttribute("__spec__", null);
                modules.AddReady(name, main);
                continue;
            }
            int dot = name.LastIndexOf('.');
            IReadOnlyList<string>? path = null;
            if (dot >= 0)
            {
                if (!modules.TryGetModule(name[..dot], out ModuleObject? parent) || parent?.Path is not IList<string> parentPath)
                {
                    continue;
                }
                path = [.. parentPath];
            }
            ModuleSpec? spec = SpecFinder.FindSpecOnMetaPath(state, name, path);
            if (spec is null)
            {
                continue;
            }
            var module = new OpaqueModule(name);
            ImportUtil.InitModuleAttrs(spec, module);
            modules.AddReady(name, module);
            if (dot >= 0 && modules.TryGetModule(name[..dot], out ModuleObject? package) && package is not null)
            {
                package.SetAttribute(name[(dot + 1)..], module);
            }
        }
    }
}

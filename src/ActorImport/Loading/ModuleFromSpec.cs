using ActorImport.Model;

namespace ActorImport.Loading;

public static partial class ImportUtil
{
    /// <summary>
    /// <c>importlib.util.module_from_spec(spec)</c>: the loader's <c>CreateModule</c> result, or
    /// (when it returns null, or there is no loader) a new <see cref="ModuleObject.ModuleType"/>; then
    /// <see cref="InitModuleAttrs"/> without override. The module is not put in <c>sys.modules</c>.
    /// </summary>
    public static ModuleObject ModuleFromSpec(ModuleSpec spec)
    {
        ModuleObject module = spec.Loader?.CreateModule(spec) ?? ModuleObject.ModuleType(spec.Name);
        InitModuleAttrs(spec, module);
        return module;
    }

    /// <summary>
    /// <c>_init_module_attrs(spec, module, override)</c>, in CPython's order. "If absent" means:
    /// <paramref name="override"/> is true, or the attribute is unbound or None.
    /// <list type="number">
    /// <item><c>__name__</c> = spec.name, if absent.</item>
    /// <item><c>__loader__</c> = spec.loader, if absent. A spec with no loader but with search
    /// locations gets a namespace loader whose path is that same list; it is stored on the spec
    /// too, and <c>__file__</c> is set to None.</item>
    /// <item><c>__package__</c> = spec.parent, if absent.</item>
    /// <item><c>__spec__</c> = spec, always.</item>
    /// <item><c>__path__</c> = spec.submodule_search_locations (the same object), if absent and not None.</item>
    /// <item>only when spec.has_location: <c>__file__</c> = origin, if absent; <c>__cached__</c> =
    /// spec.cached, if absent and not None.</item>
    /// </list>
    /// <c>reload()</c> calls it with <paramref name="override"/> true.
    /// </summary>
    public static ModuleObject InitModuleAttrs(ModuleSpec spec, ModuleObject module, bool @override = false)
    {
        if (@override || module.IsUnsetOrNone("__name__"))
        {
            module.SetAttribute("__name__", spec.Name);
        }
        if (@override || module.IsUnsetOrNone("__loader__"))
        {
            ILoader? loader = spec.Loader;
            if (loader is null && spec.SubmoduleSearchLocations is IList<string> locations)
            {
                loader = new NamespaceLoader(locations);
                spec.Loader = loader;
                // Namespace packages have no location, but their __file__ is None, not unset (bpo-32305).
                module.SetAttribute("__file__", null);
            }
            module.SetAttribute("__loader__", loader);
        }
        if (@override || module.IsUnsetOrNone("__package__"))
        {
            module.SetAttribute("__package__", spec.Parent);
        }
        module.SetAttribute("__spec__", spec);
        if (@override || module.IsUnsetOrNone("__path__"))
        {
            if (spec.SubmoduleSearchLocations is IList<string> searchLocations)
            {
                module.SetAttribute("__path__", searchLocations);
            }
        }
        if (spec.HasLocation)
        {
            if (@override || module.IsUnsetOrNone("__file__"))
            {
                module.SetAttribute("__file__", spec.Origin);
            }
            if (@override || module.IsUnsetOrNone("__cached__"))
            {
                if (spec.Cached is string cached)
                {
                    module.SetAttribute("__cached__", cached);
                }
            }
        }
        return module;
    }
}

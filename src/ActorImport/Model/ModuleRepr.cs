namespace ActorImport.Model;

/// <summary>Which CPython version's module repr to reproduce.</summary>
public enum ModuleReprStyle
{
    /// <summary>3.11: a namespace package prints its loader: <c>&lt;module 'ns' (&lt;…NamespaceLoader object at 0x…&gt;)&gt;</c>.</summary>
    Python311 = 0,

    /// <summary>3.12 and later: <c>&lt;module 'ns' (namespace) from ['/a/ns', '/b/ns']&gt;</c>.</summary>
    Python312,
}

/// <summary>
/// <c>repr(module)</c>: <c>_bootstrap._module_repr</c> and <c>_module_repr_from_spec</c>.
/// Pure (it reads a snapshot of the attributes it needs); safe from any thread.
/// </summary>
public static class ModuleRepr
{
    /// <summary>
    /// <c>_module_repr(module)</c>: from <c>__spec__</c> when the module has one; otherwise from
    /// <c>__name__</c> ('?' when missing) and <c>__file__</c> (<c>from '…'</c>) or <c>__loader__</c>.
    /// </summary>
    public static string Of(ModuleObject module, ModuleReprStyle style = ModuleReprStyle.Python311)
    {
        if (module.Spec is ModuleSpec spec)
        {
            return FromSpec(spec, style);
        }
        object? loader = module.GetAttributeOrDefault("__loader__");
        string name = module.TryGetAttribute("__name__", out object? n) ? PythonRepr.Of(n) : "'?'";
        if (!module.TryGetAttribute("__file__", out object? file))
        {
            return loader is null ? $"<module {name}>" : $"<module {name} ({PythonRepr.Of(loader)})>";
        }
        return $"<module {name} from {PythonRepr.Of(file)}>";
    }

    /// <summary>
    /// <c>_module_repr_from_spec(spec)</c>:
    /// no origin → <c>&lt;module 'x'&gt;</c> or <c>&lt;module 'x' (loader repr)&gt;</c>
    /// (3.12+: a namespace loader gives <c>(namespace) from [...]</c>);
    /// origin with a location → <c>&lt;module 'x' from 'origin'&gt;</c>;
    /// origin without one → <c>&lt;module 'x' (origin)&gt;</c>, e.g. <c>(built-in)</c>, <c>(frozen)</c>.
    /// </summary>
    public static string FromSpec(ModuleSpec spec, ModuleReprStyle style = ModuleReprStyle.Python311)
    {
        string name = PythonRepr.Of(spec.Name);
        if (spec.Origin is null)
        {
            if (spec.Loader is null)
            {
                return $"<module {name}>";
            }
            if (style >= ModuleReprStyle.Python312 && LoaderKinds.Of(spec.Loader) == LoaderKind.Namespace)
            {
                return $"<module {name} (namespace) from {PythonRepr.List(spec.SubmoduleSearchLocations ?? [])}>";
            }
            return $"<module {name} ({PythonRepr.Of(spec.Loader)})>";
        }
        return spec.HasLocation
            ? $"<module {name} from {PythonRepr.Of(spec.Origin)}>"
            : $"<module {name} ({spec.Origin})>";
    }
}

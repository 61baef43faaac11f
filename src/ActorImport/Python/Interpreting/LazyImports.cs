using ActorImport.Model;

namespace ActorImport.Python.Interpreting;

/// <summary>
/// The reification hook for readers of a module namespace from outside its body (the engine's
/// attribute access, <c>from m import y</c> in another module, star imports): a bound
/// <see cref="LazyImportProxy"/> is resolved and the name rebound to the real value before it is
/// returned. Stateless; safe from any thread (the proxy serialises its own resolution, and the
/// rebinding only replaces the very proxy that was read).
/// </summary>
public static class LazyImports
{
    /// <summary><c>getattr(module, name)</c> with PEP 810 reification; false when the name is unbound.</summary>
    public static bool TryGetAttribute(ModuleObject module, string name, out object? value)
    {
        if (!module.TryGetAttribute(name, out value))
        {
            return false;
        }
        if (value is LazyImportProxy proxy)
        {
            if (proxy.IsResolvingOnCurrentThread)
            {
                value = null;
                return false;
            }
            value = Reify(module, name, proxy);
        }
        return true;
    }

    /// <summary>
    /// <c>hasattr(module, name)</c> for the import system (<c>_handle_fromlist</c>): false while
    /// the name holds a proxy whose own import runs on this thread. A package's
    /// <c>from . import sub</c>, made lazy, binds its proxy under <c>sub</c>; reifying it must
    /// import the submodule (which rebinds <c>sub</c>), not read the proxy back and reify it
    /// again (that recursed until the stack overflowed: json, logging, typing, asyncio … under
    /// <c>--lazy all</c>, found by <c>actorimport bench --stdlib</c>).
    /// </summary>
    public static bool IsBound(ModuleObject module, string name) =>
        module.TryGetAttribute(name, out object? value) && !(value is LazyImportProxy { IsResolvingOnCurrentThread: true });

    /// <summary>Resolves <paramref name="proxy"/> and rebinds <paramref name="name"/> if it still holds it.</summary>
    public static object? Reify(ModuleObject module, string name, LazyImportProxy proxy)
    {
        object? value = proxy.Resolve();
        if (module.TryGetAttribute(name, out object? current) && ReferenceEquals(current, proxy))
        {
            module.SetAttribute(name, value);
        }
        return value;
    }

    /// <summary>Reifies every lazy binding of <paramref name="module"/> (what <c>__dict__</c> access did in PEP 810's draft).</summary>
    public static void ReifyAll(ModuleObject module)
    {
        foreach (var (name, value) in module.Items())
        {
            if (value is LazyImportProxy proxy)
            {
                Reify(module, name, proxy);
            }
        }
    }
}

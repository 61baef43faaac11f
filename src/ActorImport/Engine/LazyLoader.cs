using ActorImport.Model;

namespace ActorImport.Engine;

/// <summary>
/// <c>importlib.util.LazyLoader</c>: wraps a loader so that the module's body runs on first
/// attribute access instead of at import (<see cref="LazyModule"/>). The import finishes at
/// once, and the module sits in <c>sys.modules</c> looking ready.
/// <para>Differences from CPython: a .NET loader cannot change a module's class after the fact,
/// so <see cref="CreateModule"/> makes a <see cref="LazyModule"/> when the wrapped loader leaves
/// creation to the import system (returns null); a module the wrapped loader creates itself is
/// executed eagerly. The substitution check needs the engine's <c>sys.modules</c>: pass
/// <see cref="ImportEngine.Modules"/> (without it the check is skipped, as CPython skips it when
/// the module is not in <c>sys.modules</c>).</para>
/// Thread-safety: immutable; the serialisation of the first access is <see cref="LazyModule"/>'s.
/// </summary>
public sealed class LazyLoader : ILoader
{
    private readonly IReadOnlyDictionary<string, object?>? _modules;

    /// <param name="loader">The eager loader; anything that is not an <see cref="ILoader"/> is CPython's TypeError.</param>
    /// <param name="modules">The engine's <c>sys.modules</c>, for the substitution check.</param>
    public LazyLoader(object? loader, IReadOnlyDictionary<string, object?>? modules = null)
    {
        Loader = CheckEagerLoader(loader);
        _modules = modules;
    }

    /// <summary><c>self.loader</c>: the wrapped loader.</summary>
    public ILoader Loader { get; }

    /// <summary>
    /// <c>LazyLoader.factory(loader_class)</c>: a callable that builds <paramref name="loaderType"/>
    /// from its arguments and wraps the result. A type that is not a loader is CPython's TypeError.
    /// </summary>
    public static Func<object?[], LazyLoader> Factory(Type loaderType, IReadOnlyDictionary<string, object?>? modules = null)
    {
        if (!typeof(ILoader).IsAssignableFrom(loaderType))
        {
            throw new PythonException("TypeError", "loader must define exec_module()");
        }
        return args => new LazyLoader(Activator.CreateInstance(loaderType, args), modules);
    }

    private static ILoader CheckEagerLoader(object? loader) =>
        loader as ILoader ?? throw new PythonException("TypeError", "loader must define exec_module()");

    /// <summary><c>create_module</c>: the wrapped loader's module, else a (not yet armed) <see cref="LazyModule"/>.</summary>
    public ModuleObject? CreateModule(ModuleSpec spec) => Loader.CreateModule(spec) ?? new LazyModule(spec.Name);

    /// <summary>
    /// <c>exec_module</c>: points <c>__spec__.loader</c> and <c>__loader__</c> at the real loader,
    /// snapshots the namespace and arms the module; no body runs now.
    /// </summary>
    public void ExecModule(ModuleObject module)
    {
        if (module is not LazyModule lazy)
        {
            Loader.ExecModule(module);
            return;
        }
        if (lazy.Spec is ModuleSpec spec)
        {
            spec.Loader = Loader;
        }
        lazy.SetAttribute("__loader__", Loader);
        lazy.Arm(Loader, _modules);
    }

    public override string ToString() => $"<importlib.util.LazyLoader object wrapping {Loader}>";
}

using ActorImport.Engine;
using ActorImport.Model;

namespace ActorImport.Stress.Load;

/// <summary>
/// <c>importlib.util.LazyLoader</c> in front of the path finder for the names given: finds the
/// spec as the path finder would and wraps its loader (CPython's recipe:
/// <c>spec.loader = LazyLoader(spec.loader)</c>). Thread-safe: immutable; the path finder is.
/// </summary>
public sealed class LazyLoaderFinder(ImportEngine engine, params string[] names) : IMetaPathFinder, IThreadSafe
{
    private readonly HashSet<string> _names = new(names, StringComparer.Ordinal);

    public ModuleSpec? FindSpec(string fullname, IReadOnlyList<string>? path, ModuleObject? target = null)
    {
        if (!_names.Contains(fullname) || engine.FinderState.PathFinder?.FindSpec(fullname, path, target) is not ModuleSpec found || found.Loader is null)
        {
            return null;
        }
        return new ModuleSpec(fullname, new LazyLoader(found.Loader, engine.Modules), found.Origin, found.LoaderState, isPackage: found.SubmoduleSearchLocations is not null)
        {
            HasLocation = found.HasLocation,
        };
    }

    public void InvalidateCaches()
    {
    }
}

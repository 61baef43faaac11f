using ActorImport.Model;

namespace ActorImport.Loading;

public static partial class ImportUtil
{
    /// <summary>
    /// <c>importlib.util.spec_from_loader(name, loader, *, origin=None, is_package=None)</c>:
    /// <list type="number">
    /// <item>origin defaults to the loader's <c>_ORIGIN</c> (<c>built-in</c>/<c>frozen</c>, see <see cref="LoaderKinds.FixedOrigin"/>).</item>
    /// <item>Still no (or an empty) origin and the loader has <c>get_filename</c>: delegate to
    /// <c>spec_from_file_location</c> (populating from the loader unless <paramref name="isPackage"/> is given).</item>
    /// <item>Otherwise <c>is_package</c> comes from the loader (an ImportError leaves it undefined,
    /// i.e. a module), False for a loader without it.</item>
    /// </list>
    /// </summary>
    public static ModuleSpec? SpecFromLoader(string name, ILoader? loader, string? origin = null, bool? isPackage = null, BytecodeCacheOptions? cacheOptions = null)
    {
        origin ??= LoaderKinds.FixedOrigin(loader);
        if (string.IsNullOrEmpty(origin) && loader is IExecutionLoader)
        {
            if (isPackage is null)
            {
                return SpecFromFileLocation(name, loader: loader, cacheOptions: cacheOptions);
            }
            IList<string>? search = isPackage.Value ? new List<string>() : null;
            return SpecFromFileLocation(name, null, loader, search, cacheOptions: cacheOptions);
        }
        if (isPackage is null)
        {
            if (loader is IInspectLoader inspectLoader)
            {
                try
                {
                    isPackage = inspectLoader.IsPackage(name);
                }
                catch (ImportError)
                {
                    isPackage = null;
                }
            }
            else
            {
                isPackage = false;
            }
        }
        return new ModuleSpec(name, loader, origin, isPackage: isPackage, cacheOptions: cacheOptions);
    }
}

using ActorImport.Model;

namespace ActorImport.Loading;

/// <summary>
/// One entry of <c>_get_supported_file_loaders()</c>: a loader factory
/// (<c>loader_class(name, path)</c>) and the file suffixes it handles. The discovery layer owns
/// the loader classes and passes its table to <see cref="ImportUtil.SpecFromFileLocation(string, string?, ILoader?, IReadOnlyList{SupportedFileLoader}?)"/>.
/// Immutable; safe from any thread if <see cref="Create"/> is.
/// </summary>
public sealed record SupportedFileLoader(Func<string, string, ILoader> Create, IReadOnlyList<string> Suffixes);

public static partial class ImportUtil
{
    /// <summary>
    /// <c>spec_from_file_location(name, location, *, loader)</c> with the default
    /// <c>submodule_search_locations=_POPULATE</c>: the loader decides whether the module is a
    /// package (<c>is_package</c>; an ImportError from it leaves the spec a module), and a
    /// package's search locations become <c>[dirname(location)]</c>.
    /// </summary>
    public static ModuleSpec? SpecFromFileLocation(
        string name,
        string? location = null,
        ILoader? loader = null,
        IReadOnlyList<SupportedFileLoader>? supportedLoaders = null,
        BytecodeCacheOptions? cacheOptions = null) =>
        SpecFromFileLocationCore(name, location, loader, populate: true, null, supportedLoaders, cacheOptions);

    /// <summary>
    /// <c>spec_from_file_location(name, location, *, loader, submodule_search_locations=…)</c> with an
    /// explicit value: null makes a module; a list makes a package, and an empty list (the caller's
    /// own object, as in CPython) gets the location's directory appended.
    /// </summary>
    public static ModuleSpec? SpecFromFileLocation(
        string name,
        string? location,
        ILoader? loader,
        IList<string>? submoduleSearchLocations,
        IReadOnlyList<SupportedFileLoader>? supportedLoaders = null,
        BytecodeCacheOptions? cacheOptions = null) =>
        SpecFromFileLocationCore(name, location, loader, populate: false, submoduleSearchLocations, supportedLoaders, cacheOptions);

    /// <summary>
    /// The algorithm of <c>spec_from_file_location</c>:
    /// <list type="number">
    /// <item>No location: <c>'&lt;unknown&gt;'</c>, or <c>loader.get_filename(name)</c> when the loader has
    /// it (an ImportError keeps <c>'&lt;unknown&gt;'</c>). A relative location is joined to the cwd.</item>
    /// <item>The spec has <c>origin = location</c> and <c>has_location = True</c>.</item>
    /// <item>No loader: the first supported loader whose suffix ends the location; none → null.</item>
    /// <item>Search locations: populated from <c>is_package</c>, or taken as given; an empty list
    /// gets <c>dirname(location)</c> appended when the location is non-empty.</item>
    /// </list>
    /// </summary>
    private static ModuleSpec? SpecFromFileLocationCore(
        string name,
        string? location,
        ILoader? loader,
        bool populate,
        IList<string>? submoduleSearchLocations,
        IReadOnlyList<SupportedFileLoader>? supportedLoaders,
        BytecodeCacheOptions? cacheOptions)
    {
        if (location is null)
        {
            location = "<unknown>";
            if (loader is IExecutionLoader executionLoader)
            {
                try
                {
                    location = executionLoader.GetFilename(name);
                }
                catch (ImportError)
                {
                }
            }
        }
        else if (!PosixPath.IsAbsolute(location))
        {
            location = PosixPath.Join(Directory.GetCurrentDirectory(), location);
        }

        var spec = new ModuleSpec(name, loader, origin: location, cacheOptions: cacheOptions) { HasLocation = true };

        if (loader is null)
        {
            SupportedFileLoader? match = supportedLoaders?.FirstOrDefault(
                entry => entry.Suffixes.Any(suffix => location.EndsWith(suffix, StringComparison.Ordinal)));
            if (match is null)
            {
                return null;
            }
            loader = match.Create(name, location);
            spec.Loader = loader;
        }

        if (populate)
        {
            if (loader is IInspectLoader inspectLoader)
            {
                try
                {
                    if (inspectLoader.IsPackage(name))
                    {
                        spec.SubmoduleSearchLocations = new List<string>();
                    }
                }
                catch (ImportError)
                {
                }
            }
        }
        else
        {
            spec.SubmoduleSearchLocations = submoduleSearchLocations;
        }
        if (spec.SubmoduleSearchLocations is { Count: 0 } empty && location.Length > 0)
        {
            empty.Add(PosixPath.Split(location).Head);
        }
        return spec;
    }

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

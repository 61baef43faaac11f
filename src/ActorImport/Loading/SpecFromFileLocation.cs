using ActorImport.Model;

namespace ActorImport.Loading;

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
}

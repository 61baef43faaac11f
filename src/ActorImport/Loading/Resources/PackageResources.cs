using ActorImport.Model;

namespace ActorImport.Loading.Resources;

/// <summary>
/// <c>importlib.resources</c>: <c>files(package)</c> and the legacy <c>read_text</c> /
/// <c>read_binary</c>. Stateless; safe from any thread.
/// </summary>
public static class PackageResources
{
    /// <summary>
    /// <c>importlib.resources.files(package)</c> for an imported package module:
    /// <list type="number">
    /// <item>the module must be a package (its spec has search locations), else
    /// <c>TypeError "&lt;module …&gt; is not a package"</c>;</item>
    /// <item>a loader that implements <see cref="IResourceReaderLoader"/> answers itself;</item>
    /// <item>a namespace package (namespace loader, or none) → the merged directories
    /// (<c>NamespaceReader</c>);</item>
    /// <item>otherwise the directory of the spec's origin (<c>FileReader</c>: the parent of
    /// <c>loader.path</c>), or the first search location. When that path runs through a
    /// <c>.zip</c> file (<c>/x/a.zip/pkg</c>, zipimport's form) it is the archive member
    /// <c>pkg/</c> (<c>ZipReader</c>).</item>
    /// </list>
    /// </summary>
    public static ITraversable Files(ModuleObject package)
    {
        ModuleSpec spec = package.Spec ?? throw new PythonException("AttributeError", $"{PythonRepr.Of(package.Name)} has no __spec__");
        if (spec.SubmoduleSearchLocations is not IList<string> locations)
        {
            throw new PythonException("TypeError", $"{package} is not a package");
        }
        if (spec.Loader is IResourceReaderLoader reader && reader.GetResourceFiles(spec.Name) is ITraversable own)
        {
            return own;
        }
        if (spec.Loader is null || LoaderKinds.Of(spec.Loader) == LoaderKind.Namespace)
        {
            return new MultiplexedTraversable(locations);
        }
        string? directory = spec.HasLocation && spec.Origin is string origin && origin.Contains('/')
            ? origin[..origin.LastIndexOf('/')]
            : locations.Count > 0 ? locations[0] : null;
        if (directory is null)
        {
            throw new PythonException("FileNotFoundError", $"no resources location for {PythonRepr.Str(spec.Name)}");
        }
        return AtLocation(directory);
    }

    /// <summary>
    /// The traversable for a package directory path: the directory itself, or — when a prefix of
    /// the path is an existing file (a zip archive) — the archive member below it.
    /// </summary>
    public static ITraversable AtLocation(string directory)
    {
        if (Directory.Exists(directory))
        {
            return new DirectoryTraversable(directory);
        }
        // zipimport's locations are "<archive>/<prefix>": find the archive file along the path.
        for (int slash = directory.LastIndexOf('/'); slash > 0; slash = directory.LastIndexOf('/', slash - 1))
        {
            string candidate = directory[..slash];
            if (File.Exists(candidate))
            {
                return new ZipTraversable(candidate, directory[(slash + 1)..].TrimEnd('/') + "/");
            }
        }
        return new DirectoryTraversable(directory);
    }

    /// <summary>
    /// <c>importlib.resources.read_text(package, resource, encoding='utf-8')</c> (the legacy API):
    /// <paramref name="resource"/> must be a bare file name
    /// (<c>ValueError "'a/b' must be only a file name"</c>).
    /// </summary>
    public static string ReadText(ModuleObject package, string resource, string encoding = "utf-8") =>
        Files(package).Joinpath(NormalizePath(resource)).ReadText(encoding);

    /// <summary><c>importlib.resources.read_binary(package, resource)</c>.</summary>
    public static byte[] ReadBinary(ModuleObject package, string resource) =>
        Files(package).Joinpath(NormalizePath(resource)).ReadBytes();

    /// <summary><c>_legacy.normalize_path</c>: a resource name without a directory part.</summary>
    private static string NormalizePath(string path)
    {
        // os.path.split keeps a non-empty head for any path with a separator ("/x" → "/").
        if (path.Contains('/'))
        {
            throw new PythonException("ValueError", $"{PythonRepr.Str(path)} must be only a file name");
        }
        return path;
    }
}

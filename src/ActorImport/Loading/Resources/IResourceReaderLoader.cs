using ActorImport.Model;

namespace ActorImport.Loading.Resources;

/// <summary>
/// A loader with <c>get_resource_reader(fullname).files()</c>: it says where its package's
/// resources are. Loaders without it are read from their spec's location (see
/// <see cref="PackageResources.Files"/>). Implementations must be safe from any thread.
/// </summary>
public interface IResourceReaderLoader : ILoader
{
    /// <summary>The package's root traversable, or null when this loader has no resources for it.</summary>
    ITraversable? GetResourceFiles(string fullname);
}

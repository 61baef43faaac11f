using ActorImport.Model;

namespace ActorImport.Configuration;

/// <summary>
/// <c>actor-import.lazy-imports</c>. Thread-safety: as <see cref="ActorImportOptions"/>.
/// </summary>
public sealed class LazyImportsOptions
{
    /// <summary><c>mode</c>: <c>normal | all | none</c> (PEP 810). Default normal.</summary>
    public LazyImportMode Mode { get; set; } = LazyImportMode.Normal;
}

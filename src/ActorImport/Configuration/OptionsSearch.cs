namespace ActorImport.Configuration;

/// <summary>
/// <c>actor-import.search</c>. Thread-safety: as <see cref="ActorImportOptions"/>.
/// </summary>
public sealed class SearchOptions
{
    /// <summary>The entry that stands for the host's CPython standard library (see <see cref="SearchPathResolver"/>).</summary>
    public const string Auto = "auto";

    /// <summary>
    /// <c>path</c>: the search path (<c>sys.path</c>), in order. <c>"auto"</c> expands to the host
    /// CPython's standard library, or to the bundled <c>samples/default-tree</c> when there is
    /// none. A configured list replaces the default rather than adding to it. Default
    /// <c>[ "auto" ]</c>.
    /// </summary>
    public List<string> Path { get; set; } = [Auto];
}

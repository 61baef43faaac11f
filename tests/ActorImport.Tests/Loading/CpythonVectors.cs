using System.Text.Json;

namespace ActorImport.Tests.Loading;

/// <summary>
/// CPython 3.11's recorded outputs (<c>reference/cpython-vectors.json</c> in the repository, a copy
/// of the project's shared reference), read at test time. Immutable after loading; safe from any thread.
/// </summary>
public static class CpythonVectors
{
    private static readonly Lazy<JsonElement> Root = new(Load);

    /// <summary>The JSON document's member <paramref name="key"/>.</summary>
    public static JsonElement Get(string key) => Root.Value.GetProperty(key);

    /// <summary>The folder that holds ActorImport.sln.</summary>
    public static string RepositoryRoot() => ActorImport.Tests.Conformance.RepositoryPaths.Root();

    public static IEnumerable<object[]> Indexes(string key) =>
        Enumerable.Range(0, Count(key)).Select(i => new object[] { i });

    private static int Count(string key)
    {
        JsonElement element = Get(key);
        return element.ValueKind == JsonValueKind.Array ? element.GetArrayLength() : element.GetProperty("vectors").GetArrayLength();
    }

    private static JsonElement Load()
    {
        string path = Path.Combine(RepositoryRoot(), "reference", "cpython-vectors.json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }
}

using System.Text.Json;

namespace ActorImport.Tests.Loading;

/// <summary>
/// CPython 3.11's recorded outputs (<c>../shared/reference/cpython-vectors.json</c>, relative to the
/// repository root), read at test time. Immutable after loading; safe from any thread.
/// </summary>
public static class CpythonVectors
{
    private static readonly Lazy<JsonElement> Root = new(Load);

    /// <summary>The JSON document's member <paramref name="key"/>.</summary>
    public static JsonElement Get(string key) => Root.Value.GetProperty(key);

    /// <summary>The folder that holds ActorImport.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActorImport.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"ActorImport.sln not found above {AppContext.BaseDirectory}");
    }

    public static IEnumerable<object[]> Indexes(string key) =>
        Enumerable.Range(0, Count(key)).Select(i => new object[] { i });

    private static int Count(string key)
    {
        JsonElement element = Get(key);
        return element.ValueKind == JsonValueKind.Array ? element.GetArrayLength() : element.GetProperty("vectors").GetArrayLength();
    }

    private static JsonElement Load()
    {
        string path = Path.Combine(RepositoryRoot(), "..", "shared", "reference", "cpython-vectors.json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }
}

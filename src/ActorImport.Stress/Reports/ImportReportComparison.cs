using System.Text.Json;

namespace ActorImport.Stress.Reports;

/// <summary>
/// Compares two <c>import --json</c> reports (CPython's and the engine's) field by field: the
/// same <c>requested</c> and <c>results</c>, the same modules added, each with the same
/// <c>file</c>, <c>package</c>, <c>is_package</c> and <c>path</c>, and the same <c>names</c>
/// for modules whose file lies under a given directory (the stdlib's built-ins are opaque to
/// the engine, so their names are compared by the stdlib conformance tests instead).
/// Stateless.
/// </summary>
public static class ImportReportComparison
{
    private static readonly string[] ModuleFields = ["file", "package", "is_package", "path"];

    /// <summary>Every difference as one line (empty when the reports agree).</summary>
    public static IReadOnlyList<string> Differences(string cpythonJson, string oursJson, string namesUnder)
    {
        using JsonDocument cpythonDocument = JsonDocument.Parse(cpythonJson);
        using JsonDocument oursDocument = JsonDocument.Parse(oursJson);
        JsonElement cpython = cpythonDocument.RootElement, ours = oursDocument.RootElement;
        var differences = new List<string>();
        Compare(differences, "requested", cpython.GetProperty("requested"), ours.GetProperty("requested"));
        JsonElement[] theirResults = [.. cpython.GetProperty("results").EnumerateArray()];
        JsonElement[] ourResults = [.. ours.GetProperty("results").EnumerateArray()];
        for (int i = 0; i < Math.Max(theirResults.Length, ourResults.Length); i++)
        {
            string name = i < theirResults.Length ? theirResults[i].GetProperty("name").GetString()! : $"#{i}";
            Compare(differences, $"result of {name}", Optional(theirResults, i), Optional(ourResults, i));
        }
        JsonElement theirModules = cpython.GetProperty("modules"), ourModules = ours.GetProperty("modules");
        var theirNames = theirModules.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var ourNames = ourModules.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (string missing in theirNames.Except(ourNames).Order(StringComparer.Ordinal))
        {
            differences.Add($"module {missing}: added by CPython, not by the engine");
        }
        foreach (string extra in ourNames.Except(theirNames).Order(StringComparer.Ordinal))
        {
            differences.Add($"module {extra}: added by the engine, not by CPython");
        }
        foreach (string name in theirNames.Intersect(ourNames).Order(StringComparer.Ordinal))
        {
            JsonElement theirs = theirModules.GetProperty(name), mine = ourModules.GetProperty(name);
            foreach (string field in ModuleFields)
            {
                Compare(differences, $"{name}.{field}", theirs.GetProperty(field), mine.GetProperty(field));
            }
            if (theirs.GetProperty("file").GetString() is { } file && file.StartsWith(namesUnder, StringComparison.Ordinal))
            {
                Compare(differences, $"{name}.names", theirs.GetProperty("names"), mine.GetProperty("names"));
            }
        }
        return differences;
    }

    private static JsonElement? Optional(JsonElement[] items, int i) => i < items.Length ? items[i] : null;

    private static void Compare(List<string> differences, string what, JsonElement? cpython, JsonElement? ours)
    {
        string theirs = cpython is { } c ? Canonical(c) : "(none)";
        string mine = ours is { } o ? Canonical(o) : "(none)";
        if (theirs != mine)
        {
            differences.Add($"{what}: CPython {theirs}, engine {mine}");
        }
    }

    /// <summary>The element as JSON text with object keys sorted, so key order does not matter.</summary>
    public static string Canonical(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => JsonSerializer.Serialize(p.Name) + ":" + Canonical(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Canonical)) + "]",
        JsonValueKind.String => JsonSerializer.Serialize(element.GetString()),
        _ => element.GetRawText(),
    };
}

using System.Text.Json;
using ActorImport.Discovery;
using ActorImport.Loading;
using ActorImport.Model;

namespace ActorImport.Tests.Conformance;

/// <summary>
/// The fields of a spec that the find-spec conformance tests compare, taken the same way from
/// CPython (by <see cref="SnapScript"/>) and from this engine (by <see cref="Snap"/>).
/// </summary>
public static class FindSpecOracle
{
    /// <summary>Python source defining <c>snap(spec)</c> and <c>attempt(fn)</c>, the CPython side.</summary>
    public const string SnapScript = """
        import sys, json, importlib, importlib.util
        def snap(s):
            if s is None:
                return None
            l = s.loader
            kind = 'None' if l is None else (l.__name__ if isinstance(l, type) else type(l).__name__)
            ssl = s.submodule_search_locations
            return {'name': s.name, 'origin': s.origin, 'locations': None if ssl is None else list(ssl),
                    'cached': s.cached, 'parent': s.parent, 'has_location': s.has_location, 'loader': kind}
        def attempt(fn):
            try:
                return {'spec': snap(fn())}
            except BaseException as e:
                return {'error': type(e).__name__ + ': ' + str(e)}
        """;

    /// <summary>This engine's answer in the same shape as CPython's <c>attempt(...)</c>.</summary>
    public static string Attempt(Func<ModuleSpec?> find)
    {
        try
        {
            return JsonSerializer.Serialize(new Dictionary<string, object?> { ["spec"] = Snap(find()) });
        }
        catch (PythonException e)
        {
            return JsonSerializer.Serialize(new Dictionary<string, object?> { ["error"] = e.ToString() });
        }
    }

    public static Dictionary<string, object?>? Snap(ModuleSpec? spec)
    {
        if (spec is null)
        {
            return null;
        }
        return new Dictionary<string, object?>
        {
            ["name"] = spec.Name,
            ["origin"] = spec.Origin,
            ["locations"] = spec.SubmoduleSearchLocations?.ToList(),
            ["cached"] = spec.Cached,
            ["parent"] = spec.Parent,
            ["has_location"] = spec.HasLocation,
            ["loader"] = LoaderKind(spec.Loader),
        };
    }

    /// <summary>The CPython class name of a loader (<c>zipimporter</c> is spelled as CPython spells it).</summary>
    public static string LoaderKind(ILoader? loader) => loader switch
    {
        null => "None",
        FileLoader file => file.PythonClassName,
        ZipImporter => "zipimporter",
        _ => loader.GetType().Name,
    };

    /// <summary>Re-serialises a CPython JSON answer so both sides compare as canonical text.</summary>
    public static string Canonical(JsonElement element)
    {
        if (element.TryGetProperty("error", out JsonElement error))
        {
            return JsonSerializer.Serialize(new Dictionary<string, object?> { ["error"] = error.GetString() });
        }
        JsonElement spec = element.GetProperty("spec");
        if (spec.ValueKind == JsonValueKind.Null)
        {
            return JsonSerializer.Serialize(new Dictionary<string, object?> { ["spec"] = null });
        }
        var snap = new Dictionary<string, object?>
        {
            ["name"] = spec.GetProperty("name").GetString(),
            ["origin"] = spec.GetProperty("origin").ValueKind == JsonValueKind.Null ? null : spec.GetProperty("origin").GetString(),
            ["locations"] = spec.GetProperty("locations").ValueKind == JsonValueKind.Null
                ? null
                : spec.GetProperty("locations").EnumerateArray().Select(e => e.GetString()).ToList(),
            ["cached"] = spec.GetProperty("cached").ValueKind == JsonValueKind.Null ? null : spec.GetProperty("cached").GetString(),
            ["parent"] = spec.GetProperty("parent").GetString(),
            ["has_location"] = spec.GetProperty("has_location").GetBoolean(),
            ["loader"] = spec.GetProperty("loader").GetString(),
        };
        return JsonSerializer.Serialize(new Dictionary<string, object?> { ["spec"] = snap });
    }
}

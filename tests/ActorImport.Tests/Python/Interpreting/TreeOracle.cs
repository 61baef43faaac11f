using System.Text.Json;
using ActorImport.Model;
using ActorImport.Python.Interpreting.Values;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Python.Interpreting;

/// <summary>
/// Asks python3 about the same module tree a <see cref="FakeImportSystem"/> holds: the names a
/// module binds, the literal values, the exception a statement raises. Stateless.
/// </summary>
internal static class TreeOracle
{
    private const string Prelude = "import sys, json, importlib\nsys.path.insert(0, sys.argv[1])\n";

    /// <summary>The non-dunder names of <paramref name="module"/> after CPython imports it, sorted.</summary>
    public static string[] BoundNames(string root, string module, string flags = "") =>
        PythonOracle.RunJson(Prelude + "m = importlib.import_module(sys.argv[2])\nprint(json.dumps(sorted(k for k in vars(m) if not (k.startswith('__') and k.endswith('__')))))", [root, module], flags)
            .EnumerateArray().Select(e => e.GetString()!).ToArray();

    /// <summary>Our namespace's non-dunder names, sorted the same way.</summary>
    public static string[] BoundNames(ModuleObject module) =>
        module.AttributeNames().Where(k => !(k.StartsWith("__", StringComparison.Ordinal) && k.EndsWith("__", StringComparison.Ordinal))).Order(StringComparer.Ordinal).ToArray();

    /// <summary><c>[type name, str(exc)]</c> of what running <paramref name="statement"/> raises under CPython (null when nothing).</summary>
    public static (string Type, string Message)? Error(string root, string statement)
    {
        JsonElement result = PythonOracle.RunJson(Prelude + "try:\n    exec(sys.argv[2], {})\n    print('null')\nexcept BaseException as e:\n    print(json.dumps([type(e).__name__, str(e)]))", [root, statement]);
        return result.ValueKind == JsonValueKind.Null ? null : (result[0].GetString()!, result[1].GetString()!);
    }

    /// <summary><see cref="Error"/> for several statements in one python3 run (each in a fresh namespace).</summary>
    public static (string Type, string Message)?[] Errors(string root, params string[] statements)
    {
        JsonElement result = PythonOracle.RunJson(Prelude + "out = []\nfor s in sys.argv[2:]:\n    try:\n        exec(s, {})\n        out.append(None)\n    except BaseException as e:\n        out.append([type(e).__name__, str(e)])\nprint(json.dumps(out))", [root, .. statements]);
        return result.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? ((string, string)?)null : (e[0].GetString()!, e[1].GetString()!)).ToArray();
    }

    /// <summary><c>repr(getattr(module, name))</c> for each name, as CPython prints it.</summary>
    public static Dictionary<string, string> Reprs(string root, string module, params string[] names)
    {
        JsonElement result = PythonOracle.RunJson(Prelude + "m = importlib.import_module(sys.argv[2])\nprint(json.dumps({n: repr(getattr(m, n)) for n in sys.argv[3:]}))", [root, module, .. names]);
        return result.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    /// <summary><c>repr</c> of our values, for comparison with <see cref="Reprs"/>.</summary>
    public static Dictionary<string, string> Reprs(ModuleObject module, params string[] names) =>
        names.ToDictionary(n => n, n => PyRepr.Of(module.GetAttributeOrDefault(n, "<unbound>")));
}

using System.Collections.Frozen;
using System.Text.Json;

namespace ActorImport.Python.Interpreting.Facts;

/// <summary>
/// What the C initialisers of CPython's built-in and extension modules import, recorded from
/// CPython by <c>record-extension-imports.py</c> into <c>cpython-&lt;version&gt;-&lt;platform&gt;-extension-imports.json</c>
/// (the test <c>ExtensionImportTableTests</c> runs the script again and compares): per module,
/// the imports its init makes itself, in CPython's order (<c>_decimal</c> imports
/// <c>numbers</c>, <c>collections</c>, <c>collections.abc</c>), and the submodules it puts into
/// <c>sys.modules</c> itself (<c>pyexpat.errors</c>). The engine's extension loader replays them
/// when it creates the opaque module. Immutable; safe from any thread.
/// </summary>
public sealed class ExtensionImportTable
{
    private readonly FrozenDictionary<string, ExtensionInit> _modules;

    private ExtensionImportTable(FrozenDictionary<string, ExtensionInit> modules)
    {
        _modules = modules;
    }

    public static ExtensionImportTable Empty { get; } = new(FrozenDictionary<string, ExtensionInit>.Empty);

    /// <summary>The table recorded for <paramref name="version"/> on <paramref name="platform"/>, or <see cref="Empty"/> when none was.</summary>
    public static ExtensionImportTable For(Version version, string platform) =>
        FactResources.Table(version, platform, stem =>
            FactResources.Read(stem + "-extension-imports.json") is { } json ? Parse(json) : Empty);

    /// <summary>Reads <c>{"module": {"imports": [[name, fromlist, level], …], "registers": [name, …]}}</c>.</summary>
    public static ExtensionImportTable Parse(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        var modules = new Dictionary<string, ExtensionInit>(StringComparer.Ordinal);
        foreach (JsonProperty module in document.RootElement.EnumerateObject())
        {
            ExtensionImport[] imports = module.Value.GetProperty("imports").EnumerateArray()
                .Select(i => new ExtensionImport(i[0].GetString()!, i[1].EnumerateArray().Select(f => f.GetString()!).ToArray(), i[2].GetInt32()))
                .ToArray();
            string[] registers = module.Value.GetProperty("registers").EnumerateArray().Select(r => r.GetString()!).ToArray();
            modules[module.Name] = new ExtensionInit(imports, registers);
        }
        return new ExtensionImportTable(modules.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>What <paramref name="module"/>'s init imports and registers; false when it does neither (or is not recorded).</summary>
    public bool TryGet(string module, out ExtensionInit init)
    {
        bool found = _modules.TryGetValue(module, out ExtensionInit? recorded);
        init = recorded ?? new ExtensionInit([], []);
        return found;
    }
}

/// <summary>One module's recorded init: its own imports in order, and the submodules it registers in <c>sys.modules</c>.</summary>
public sealed record ExtensionInit(IReadOnlyList<ExtensionImport> Imports, IReadOnlyList<string> Registers);

/// <summary>One <c>__import__(name, fromlist=…, level=…)</c> an init makes.</summary>
public sealed record ExtensionImport(string Name, IReadOnlyList<string> Fromlist, int Level);

using ActorImport.Model;
using ActorImport.Python.Interpreting;

namespace ActorImport.Tests.Reliability;

/// <summary>
/// An import system in which every module is an opaque built-in (attributes exist, values
/// unknown), so that a fuzzed or hostile body runs alone: nothing is found on disk, nothing else
/// executes. Records the names asked for. Not thread-safe: one instance per run.
/// </summary>
internal sealed class OpaqueImports : IImportCallback
{
    private readonly Dictionary<string, object?> _sysModules = new(StringComparer.Ordinal);

    public List<string> Imported { get; } = [];

    public object? Import(string name, ModuleObject globals, IReadOnlyList<string>? fromlist, int level)
    {
        if (level > 0 || name.Length == 0)
        {
            throw new ImportError("attempted relative import with no known parent package");
        }
        Imported.Add(name);
        string top = name.Split('.')[0];
        foreach (string part in new[] { top, name })
        {
            if (!_sysModules.ContainsKey(part))
            {
                _sysModules[part] = new OpaqueModule(part);
            }
        }
        return fromlist is { Count: > 0 } ? _sysModules[name] : _sysModules[top];
    }

    public bool TryGetSysModule(string name, out object? module) => _sysModules.TryGetValue(name, out module);

    public void SetSysModule(string name, object? value) => _sysModules[name] = value;

    public bool RemoveSysModule(string name) => _sysModules.Remove(name);

    private sealed class OpaqueModule(string name) : ModuleObject(name), IOpaqueAttributes;
}

using ActorImport.Model;
using ActorImport.Python.Interpreting;

namespace ActorImport.Engine;

// What module bodies call: the engine is their IImportCallback.
public sealed partial class ImportEngine
{
    /// <summary><c>__import__</c> for a body: runs in the chain executing the body (or a new one, for a lazy binding reified elsewhere).</summary>
    object? IImportCallback.Import(string name, ModuleObject globals, IReadOnlyList<string>? fromlist, int level) =>
        ImportName(name, globals, fromlist, level);

    bool IImportCallback.TryGetSysModule(string name, out object? module)
    {
        if (_map.TryGetEntry(name, out ModuleEntry? entry))
        {
            module = entry!.Value;
            return true;
        }
        module = null;
        return false;
    }

    void IImportCallback.SetSysModule(string name, object? value) => _coordination.SetModule(name, value);

    bool IImportCallback.RemoveSysModule(string name) => _coordination.RemoveModule(name);

    /// <summary><c>module.__spec__._initializing</c>, read from the published entry without a message.</summary>
    public bool IsInitializing(ModuleObject module) =>
        _map.TryGetEntry(module.Name, out ModuleEntry? entry) && entry!.Owner is not null && ReferenceEquals(entry.Value, module);
}

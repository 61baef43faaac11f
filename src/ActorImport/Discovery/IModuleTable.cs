using System.Collections.Concurrent;
using ActorImport.Model;

namespace ActorImport.Discovery;

/// <summary>
/// A read-only view of <c>sys.modules</c> for the finders. A present entry may be Python
/// <c>None</c> (reported as <c>true</c> with a <c>null</c> module). The engine's coordinator
/// implements it over its published map. Implementations must be safe to read from any thread.
/// </summary>
public interface IModuleTable
{
    bool TryGetModule(string name, out ModuleObject? module);
}

/// <summary>
/// A simple <see cref="IModuleTable"/> for tests and hosts without an engine. Thread-safety:
/// every member may be called from any thread (a concurrent dictionary).
/// </summary>
public sealed class ModuleTable : IModuleTable
{
    private readonly ConcurrentDictionary<string, ModuleObject?> _modules = new(StringComparer.Ordinal);

    public bool TryGetModule(string name, out ModuleObject? module) => _modules.TryGetValue(name, out module);

    /// <summary><c>sys.modules[name] = module</c> (<c>null</c> stores Python None).</summary>
    public void Set(string name, ModuleObject? module) => _modules[name] = module;

    public bool Remove(string name) => _modules.TryRemove(name, out _);
}

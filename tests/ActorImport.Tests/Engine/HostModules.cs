using ActorImport.Model;
using ActorImport.Engine;

namespace ActorImport.Tests.Engine;

/// <summary>
/// A meta-path finder and loader of modules whose bodies are C# delegates (what a host
/// registers; also how tests build bodies that wait on barriers). Counts executions per name.
/// Thread-safe: the registry and counters are concurrent; bodies run on the importing chain.
/// </summary>
internal sealed class HostModules : IMetaPathFinder, IThreadSafe
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (Action<ModuleObject> Body, bool IsPackage)> _modules = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _executions = new(StringComparer.Ordinal);

    public HostModules Add(string name, Action<ModuleObject> body, bool isPackage = false)
    {
        _modules[name] = (body, isPackage);
        return this;
    }

    /// <summary>
    /// The bpo-38095 shape: <c>cyc_a</c> and <c>cyc_b</c> import each other, and each body waits
    /// at <paramref name="bothOwn"/> (two parties) until both chains own their module, so the
    /// cycle closes across chains.
    /// </summary>
    public static HostModules CrossChainCycle(ImportEngine engine, Barrier bothOwn, TimeSpan hangDetector) => new HostModules()
        .Add("cyc_a", m =>
        {
            bothOwn.SignalAndWait(hangDetector);
            m.SetAttribute("B", engine.ImportModule("cyc_b"));
        })
        .Add("cyc_b", m =>
        {
            bothOwn.SignalAndWait(hangDetector);
            m.SetAttribute("A", engine.ImportModule("cyc_a"));
        });

    public int Executions(string name) => _executions.TryGetValue(name, out int n) ? n : 0;

    public ModuleSpec? FindSpec(string fullname, IReadOnlyList<string>? path, ModuleObject? target = null)
    {
        if (!_modules.TryGetValue(fullname, out var entry))
        {
            return null;
        }
        return new ModuleSpec(fullname, new Loader(this, entry.Body), "host", isPackage: entry.IsPackage);
    }

    public void InvalidateCaches()
    {
    }

    /// <summary>The loader of one host module.</summary>
    internal sealed class Loader(HostModules owner, Action<ModuleObject> body) : ILoader, IThreadSafe
    {
        public ModuleObject? CreateModule(ModuleSpec spec) => null;

        public void ExecModule(ModuleObject module)
        {
            owner._executions.AddOrUpdate(module.Name, 1, (_, n) => n + 1);
            body(module);
        }
    }
}

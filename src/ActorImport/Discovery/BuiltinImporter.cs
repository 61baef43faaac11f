using System.Collections.Concurrent;
using ActorImport.Model;

namespace ActorImport.Discovery;

/// <summary>
/// <c>importlib.machinery.BuiltinImporter</c>: finds and loads the interpreter's built-in modules
/// (<see cref="BuiltinModuleNames.Python311Linux"/> plus modules the host registers). A built-in
/// module is opaque — its attributes exist but are unknown — unless the host registered a real
/// one with <see cref="Register"/>. One instance per engine. Thread-safety: every member may be
/// called from any thread (the registry is a concurrent dictionary).
/// </summary>
public sealed class BuiltinImporter : IMetaPathFinder, IInspectLoader, ILoaderKind, IThreadSafe
{
    public const string Origin = "built-in";

    private readonly IReadOnlySet<string> _names;
    private readonly ConcurrentDictionary<string, Func<ModuleSpec, ModuleObject>> _registered = new(StringComparer.Ordinal);

    public BuiltinImporter(IReadOnlySet<string>? names = null)
    {
        _names = names ?? BuiltinModuleNames.Python311Linux;
    }

    /// <summary>Registers (or replaces) a real built-in module created by <paramref name="create"/>.</summary>
    public void Register(string name, Func<ModuleSpec, ModuleObject> create) => _registered[name] = create;

    /// <summary><c>_imp.is_builtin</c>.</summary>
    public bool IsBuiltin(string name) => _names.Contains(name) || _registered.ContainsKey(name);

    /// <summary>Invariant: the path argument is ignored, as in 3.11 (a built-in has no location).</summary>
    public ModuleSpec? FindSpec(string fullname, IReadOnlyList<string>? path, ModuleObject? target = null) =>
        IsBuiltin(fullname) ? new ModuleSpec(fullname, this, Origin, isPackage: false) : null;

    public void InvalidateCaches()
    {
    }

    public ModuleObject? CreateModule(ModuleSpec spec)
    {
        if (!IsBuiltin(spec.Name))
        {
            throw new ImportError($"{spec.Name} is not a built-in module", spec.Name);
        }
        return _registered.TryGetValue(spec.Name, out var create) ? create(spec) : null;
    }

    /// <summary>Nothing to run: a built-in module is complete once created.</summary>
    public void ExecModule(ModuleObject module)
    {
    }

    public LoaderKind Kind => LoaderKind.BuiltIn;

    public bool IsPackage(string fullname) => false;

    public string? GetSource(string fullname) => null;

    public override string ToString() => "<class '_frozen_importlib.BuiltinImporter'>";
}

using System.Runtime.CompilerServices;
using ActorImport.Model;

namespace ActorImport.Python.Interpreting;

/// <summary>
/// The modules whose namespaces may hold names the interpreter could not see: a body that did
/// <c>from _codecs import *</c> from an opaque built-in (or from a module whose <c>__all__</c> is
/// not a literal) binds names nobody knows. Reading a missing attribute of such a module gives
/// an opaque value instead of an ImportError/AttributeError. One registry per
/// <see cref="ModuleInterpreter"/> (so per engine); entries die with their modules.
/// Thread-safety: safe from any thread (ConditionalWeakTable is thread-safe).
/// </summary>
public sealed class UnknownNames
{
    private readonly ConditionalWeakTable<ModuleObject, object> _modules = new();

    public void Mark(ModuleObject module) => _modules.AddOrUpdate(module, this);

    public bool Contains(ModuleObject module) => _modules.TryGetValue(module, out _);
}

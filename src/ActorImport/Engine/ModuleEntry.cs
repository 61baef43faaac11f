namespace ActorImport.Engine;

/// <summary>
/// One published entry of <c>sys.modules</c>: the value (a module, any object a body stored, or
/// Python None as <c>null</c>), the chain initialising it (<c>null</c> once it is ready: CPython's
/// <c>__spec__._initializing</c>, readable without a message) and its position in the dict's
/// order. Immutable: every change publishes a new entry, so a reader always sees one consistent
/// state.
/// </summary>
public sealed class ModuleEntry
{
    internal ModuleEntry(object? value, ImportChain? owner, long order)
    {
        Value = value;
        Owner = owner;
        Order = order;
    }

    /// <summary><c>sys.modules[name]</c>.</summary>
    public object? Value { get; }

    /// <summary>The chain that is initialising the module, or <c>null</c> when it is ready.</summary>
    public ImportChain? Owner { get; }

    /// <summary>True while the module is being initialised (CPython's <c>_initializing</c>).</summary>
    public bool IsInitializing => Owner is not null;

    /// <summary>Insertion stamp: enumeration follows it, as a Python dict keeps insertion order.</summary>
    internal long Order { get; }
}

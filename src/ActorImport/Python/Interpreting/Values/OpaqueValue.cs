namespace ActorImport.Python.Interpreting.Values;

/// <summary>
/// A value the import-level interpreter does not compute (a call result, arithmetic on unknowns,
/// a lambda…). Its truth value is undecided. Immutable; one shared instance per description.
/// </summary>
public sealed class OpaqueValue
{
    public OpaqueValue(string description)
    {
        Description = description;
    }

    /// <summary>The anonymous opaque value.</summary>
    public static OpaqueValue Instance { get; } = new("<opaque>");

    public string Description { get; }

    /// <summary>
    /// The source-defined function this value stands for, when it is the result of a decorator
    /// the interpreter could not run: calling it is reported (its body would have run in CPython).
    /// </summary>
    public PyFunction? Wraps { get; init; }

    /// <summary>
    /// For an attribute of a built-in or extension module (<c>_socket.socket</c>), its dotted
    /// path, under which <see cref="Facts.ModuleAttributeTable"/> may know its attributes.
    /// </summary>
    public string? BuiltinPath { get; init; }

    /// <summary>True when the value is known not to be None (an attribute of a built-in module that is not a recorded constant).</summary>
    public bool IsNotNone { get; init; }

    public override string ToString() => Description;
}

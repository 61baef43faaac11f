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

    public override string ToString() => Description;
}

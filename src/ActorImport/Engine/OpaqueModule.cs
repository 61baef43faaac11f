using ActorImport.Model;
using ActorImport.Python.Interpreting;

namespace ActorImport.Engine;

/// <summary>
/// A module whose attributes exist but are unknown (a built-in, frozen or start-up module the
/// engine does not execute): reading a name it lacks gives an opaque value, not an
/// <c>AttributeError</c>. Starts with <c>types.ModuleType</c>'s dunders. Thread-safety as
/// <see cref="ModuleObject"/>.
/// </summary>
public sealed class OpaqueModule : ModuleObject, IOpaqueAttributes
{
    public OpaqueModule(string name)
        : base(name)
    {
        SetAttribute("__doc__", null);
        SetAttribute("__package__", null);
        SetAttribute("__loader__", null);
        SetAttribute("__spec__", null);
    }
}

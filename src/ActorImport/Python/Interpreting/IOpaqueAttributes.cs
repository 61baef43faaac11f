namespace ActorImport.Python.Interpreting;

/// <summary>
/// Marks a module whose attributes exist but are unknown (a built-in or extension module the
/// host did not supply): reading a missing attribute gives an opaque value instead of an
/// <c>AttributeError</c>. The engine's opaque module type implements it. A module whose
/// <c>__spec__.origin</c> is <c>built-in</c>/<c>frozen</c> or an extension file is treated the same.
/// </summary>
public interface IOpaqueAttributes
{
}

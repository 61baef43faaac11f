namespace ActorImport.Model;

/// <summary>
/// PEP 810's global lazy-imports mode (<c>-X lazy_imports=</c>). Configured as
/// <c>actor-import.lazy-imports.mode = normal | all | none</c>.
/// </summary>
public enum LazyImportMode
{
    /// <summary>Only <c>lazy import</c> statements and modules named in <c>__lazy_modules__</c> are lazy.</summary>
    Normal,

    /// <summary>Every eligible import (module top level, not in <c>try</c>, not star, not <c>__future__</c>) is lazy.</summary>
    All,

    /// <summary>The <c>lazy</c> keyword and <c>__lazy_modules__</c> are ignored: every import is eager.</summary>
    None,
}

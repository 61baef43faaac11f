using System.ComponentModel;

namespace ActorImport.Configuration;

/// <summary>The PEP 810 lazy-imports mode. Configured as <c>normal | all | none</c>.</summary>
[TypeConverter(typeof(HyphenatedEnumConverter<LazyImportMode>))]
public enum LazyImportMode
{
    /// <summary>Only imports written <c>lazy import</c> are lazy.</summary>
    Normal,

    /// <summary>Every eligible module-level import is lazy.</summary>
    All,

    /// <summary>No import is lazy, not even <c>lazy import</c>.</summary>
    None,
}

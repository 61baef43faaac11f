using Microsoft.Extensions.Configuration;

namespace ActorImport.Configuration;

/// <summary>
/// <c>actor-import.python</c>. Thread-safety: as <see cref="ActorImportOptions"/>.
/// </summary>
public sealed class PythonOptions
{
    /// <summary><c>target-version</c>: the CPython version whose semantics are copied, "3.N". Default "3.11".</summary>
    [ConfigurationKeyName("target-version")]
    public string TargetVersion { get; set; } = "3.11";

    /// <summary>
    /// <c>cache-tag</c>: the <c>__pycache__/&lt;name&gt;.&lt;tag&gt;.pyc</c> tag; our own so that
    /// CPython's files are never overwritten. Default "actorimport-311".
    /// </summary>
    [ConfigurationKeyName("cache-tag")]
    public string CacheTag { get; set; } = "actorimport-311";
}

using Microsoft.Extensions.Configuration;

namespace ActorImport.Configuration;

/// <summary>
/// <c>actor-import.test-kit</c>. Thread-safety: as <see cref="ActorImportOptions"/>.
/// </summary>
public sealed class TestKitOptions
{
    /// <summary>
    /// <c>time-factor</c>: multiplies every timeout a test waits for (raise it on slow machines).
    /// Positive and finite; default 1.0.
    /// </summary>
    [ConfigurationKeyName("time-factor")]
    public double TimeFactor { get; set; } = 1.0;
}

using ActorImport.Configuration;

namespace ActorImport.Testing;

/// <summary>
/// Settings of the test kit. <see cref="TimeFactor"/> scales every wait (a slow or shared machine
/// sets it above 1). It comes from <c>actor-import.test-kit.time-factor</c> in <c>akka.hocon</c>,
/// overridable like every setting (<c>ACTORIMPORT__test_kit__time_factor=2</c>).
/// Immutable; safe to share.
/// </summary>
public sealed class TestKitSettings
{
    public double TimeFactor { get; init; } = 1.0;

    /// <summary>
    /// The settings from <paramref name="hoconPath"/> (default: the nearest <c>akka.hocon</c>)
    /// with environment overrides applied; a factor that is not positive is a configuration error.
    /// </summary>
    public static TestKitSettings FromConfiguration(string? hoconPath = null, IDictionary<string, string?>? environment = null)
    {
        string? file = hoconPath ?? ActorImportConfiguration.LocateDefaultFile(AppContext.BaseDirectory);
        ActorImportOptions options = ActorImportConfiguration.Bind(ActorImportConfiguration.Build(file, [], environment));
        return new TestKitSettings { TimeFactor = options.TestKit.TimeFactor };
    }

    /// <summary>Scales <paramref name="duration"/> by the time factor; infinite stays infinite.</summary>
    public TimeSpan Dilated(TimeSpan duration) =>
        duration == Timeout.InfiniteTimeSpan ? duration : TimeSpan.FromTicks((long)(duration.Ticks * TimeFactor));
}

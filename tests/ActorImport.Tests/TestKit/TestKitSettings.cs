using System.Globalization;

namespace ActorImport.Testing;

/// <summary>
/// Settings of the test kit. <see cref="TimeFactor"/> scales every wait (a slow or shared machine
/// sets it above 1). The configuration binds it from <c>actor-import.test-kit.time-factor</c>; the
/// environment variable <see cref="EnvironmentVariable"/> overrides it. Not shared: each kit
/// takes its own copy.
/// </summary>
public sealed class TestKitSettings
{
    public const string EnvironmentVariable = "ACTORIMPORT__test-kit__time-factor";

    public double TimeFactor { get; set; } = 1.0;

    /// <summary>
    /// <paramref name="configured"/> (or the defaults) with the environment override applied.
    /// A value that is not a positive number is rejected rather than ignored.
    /// </summary>
    public static TestKitSettings FromEnvironment(TestKitSettings? configured = null)
    {
        var settings = new TestKitSettings { TimeFactor = configured?.TimeFactor ?? 1.0 };
        string? text = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(text))
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double factor) || factor <= 0)
            {
                throw new ArgumentException($"{EnvironmentVariable}={text} is not a positive number");
            }
            settings.TimeFactor = factor;
        }
        if (settings.TimeFactor <= 0)
        {
            throw new ArgumentException($"time factor {settings.TimeFactor} is not a positive number");
        }
        return settings;
    }

    /// <summary>Scales <paramref name="duration"/> by the time factor; infinite stays infinite.</summary>
    public TimeSpan Dilated(TimeSpan duration) =>
        duration == Timeout.InfiniteTimeSpan ? duration : TimeSpan.FromTicks((long)(duration.Ticks * TimeFactor));
}

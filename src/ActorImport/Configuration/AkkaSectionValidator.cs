using Akka.Configuration;
using Microsoft.Extensions.Configuration;

namespace ActorImport.Configuration;

/// <summary>
/// Checks the settings of the <c>akka</c> section this project relies on, read as Akka itself
/// will read them (from <see cref="AkkaSection.ToConfig"/>), so that a bad value is reported
/// before an <c>ActorSystem</c> is started, naming its key like every other configuration error
/// (<c>akka:actor:ask-timeout must be …</c>). The rest of the section is Akka's business: our
/// reader has checked its syntax, Akka checks its meaning when the system starts.
/// Thread-safety: stateless.
/// </summary>
public static class AkkaSectionValidator
{
    public const int MinThroughput = 1;
    public const int MaxThroughput = 1_000_000;

    private static readonly string[] LogLevels = ["OFF", "ERROR", "WARNING", "INFO", "DEBUG"];

    /// <summary>The failures, each naming its key; empty when the section is usable.</summary>
    public static List<string> Check(IConfiguration configuration)
    {
        var failures = new List<string>();
        Config config;
        try
        {
            config = AkkaSection.ToConfig(configuration);
        }
        catch (Exception e) when (e is ConfigurationException or FormatException)
        {
            // Our rendering is always well-formed; this would be a bug in AkkaSection.
            return [$"{AkkaSection.SectionName} could not be handed to Akka.NET: {e.Message}"];
        }

        foreach (string key in new[] { "akka.loglevel", "akka.stdout-loglevel" })
        {
            string? level = Read(config, key, failures, c => c.GetString(key));
            if (level is not null && !LogLevels.Contains(level, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"{Key(key)} must be one of {string.Join(", ", LogLevels)} (was \"{level}\")");
            }
        }

        const string askTimeout = "akka.actor.ask-timeout";
        TimeSpan? ask = Read(config, askTimeout, failures, c => (TimeSpan?)c.GetTimeSpan(askTimeout, null, allowInfinite: true));
        if (ask is { } timeout && (timeout <= TimeSpan.Zero || timeout == Timeout.InfiniteTimeSpan))
        {
            // Akka's default is infinite: an ask to an actor that never answers would hang its asker.
            failures.Add($"{Key(askTimeout)} must be a positive, finite duration (was {(timeout == Timeout.InfiniteTimeSpan ? HoconDuration.Infinite : timeout.ToString())})");
        }

        const string throughput = AkkaSection.ImportDispatcherId + ".throughput";
        int? perActor = Read(config, throughput, failures, c => (int?)c.GetInt(throughput));
        if (perActor is < MinThroughput or > MaxThroughput)
        {
            failures.Add($"{Key(throughput)} must be between {MinThroughput} and {MaxThroughput} (was {perActor})");
        }

        const string threads = AkkaSection.ImportDispatcherId + ".dedicated-thread-pool.thread-count";
        if (config.HasPath(threads) && Read(config, threads, failures, c => (int?)c.GetInt(threads)) is < 1)
        {
            failures.Add($"{Key(threads)} must be at least 1");
        }

        const string timeFactor = "akka.test.timefactor";
        double? factor = Read(config, timeFactor, failures, c => (double?)c.GetDouble(timeFactor));
        if (factor is { } f && (!double.IsFinite(f) || f <= 0))
        {
            failures.Add($"{Key(timeFactor)} must be a positive number (was {f})");
        }

        return failures;
    }

    /// <summary>Reads one value as Akka would; a value Akka cannot convert is a failure naming the key.</summary>
    private static T? Read<T>(Config config, string key, List<string> failures, Func<Config, T?> read)
    {
        try
        {
            return read(config);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ConfigurationException or InvalidCastException or ArgumentException)
        {
            failures.Add($"{Key(key)}: {e.Message}");
            return default;
        }
    }

    /// <summary>A dotted Akka path as our configuration key (<c>akka:actor:ask-timeout</c>).</summary>
    private static string Key(string path) => path.Replace('.', ':');
}

using System.Globalization;

namespace ActorImport.Configuration;

/// <summary>
/// HOCON durations: a number with an optional unit (<c>250ms</c>, <c>5s</c>, <c>2 minutes</c>,
/// <c>1.5 hours</c>); a bare number is milliseconds, as HOCON says. <c>infinite</c> is
/// <see cref="Timeout.InfiniteTimeSpan"/>; whether a setting allows it is the options
/// validator's business. Thread-safety: stateless.
/// </summary>
public static class HoconDuration
{
    private static readonly (string[] Names, decimal Ticks)[] Units =
    [
        (["ns", "nano", "nanos", "nanosecond", "nanoseconds"], 0.01m),
        (["us", "micro", "micros", "microsecond", "microseconds"], 10m),
        (["ms", "milli", "millis", "millisecond", "milliseconds"], TimeSpan.TicksPerMillisecond),
        (["s", "second", "seconds"], TimeSpan.TicksPerSecond),
        (["m", "minute", "minutes"], TimeSpan.TicksPerMinute),
        (["h", "hour", "hours"], TimeSpan.TicksPerHour),
        (["d", "day", "days"], TimeSpan.TicksPerDay),
    ];

    public const string Infinite = "infinite";

    /// <summary>Parses a HOCON duration; false if the text is not one.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (text is null)
        {
            return false;
        }

        string trimmed = text.Trim();
        if (trimmed.Equals(Infinite, StringComparison.OrdinalIgnoreCase))
        {
            duration = Timeout.InfiniteTimeSpan;
            return true;
        }

        int unitStart = trimmed.Length;
        while (unitStart > 0 && char.IsAsciiLetter(trimmed[unitStart - 1]))
        {
            unitStart--;
        }

        string unit = trimmed[unitStart..];
        string number = trimmed[..unitStart].TrimEnd();
        if (!decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal amount))
        {
            return false;
        }

        decimal ticksPerUnit = TimeSpan.TicksPerMillisecond;
        if (unit.Length > 0)
        {
            var match = Units.FirstOrDefault(u => u.Names.Contains(unit, StringComparer.Ordinal));
            if (match.Names is null)
            {
                return false;
            }

            ticksPerUnit = match.Ticks;
        }

        decimal ticks = decimal.Round(amount * ticksPerUnit);
        if (ticks > TimeSpan.MaxValue.Ticks || ticks < TimeSpan.MinValue.Ticks)
        {
            return false;
        }

        duration = TimeSpan.FromTicks((long)ticks);
        return true;
    }

    /// <summary>Parses a HOCON duration or throws <see cref="FormatException"/> saying what is accepted.</summary>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var duration)
            ? duration
            : throw new FormatException($"'{text}' is not a duration (expected a number with a unit such as 250ms, 5s, 2 minutes, 1.5 hours, or 'infinite')");
}

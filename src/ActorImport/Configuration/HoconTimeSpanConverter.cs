using System.ComponentModel;
using System.Globalization;

namespace ActorImport.Configuration;

/// <summary>
/// A <see cref="TimeSpan"/> converter that reads HOCON durations (<see cref="HoconDuration"/>)
/// and otherwise the standard formats (<c>00:00:05</c>). <c>ConfigurationBinder</c> converts
/// strings through <see cref="TypeDescriptor.GetConverter(Type)"/>, so registering this converter
/// for <see cref="TimeSpan"/> lets <c>import-wait = 5s</c> bind to a TimeSpan property without a
/// custom binder. Registration is process-wide (TypeDescriptor's table, not ours); it is a
/// superset of the default converter except that a bare number means milliseconds (HOCON)
/// rather than days. Thread-safety: stateless.
/// </summary>
public sealed class HoconTimeSpanConverter : TimeSpanConverter
{
    /// <summary>
    /// Registers the converter for TimeSpan once. Idempotent: it checks TypeDescriptor first;
    /// two threads racing here add the same attribute twice, which is harmless.
    /// </summary>
    public static void EnsureRegistered()
    {
        if (TypeDescriptor.GetConverter(typeof(TimeSpan)) is HoconTimeSpanConverter)
        {
            return;
        }

        TypeDescriptor.AddAttributes(typeof(TimeSpan), new TypeConverterAttribute(typeof(HoconTimeSpanConverter)));
    }

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value)
    {
        if (value is string text && HoconDuration.TryParse(text, out var duration))
        {
            return duration;
        }

        try
        {
            return base.ConvertFrom(context, culture, value);
        }
        catch (FormatException e) when (value is string refused)
        {
            throw new FormatException($"'{refused}' is not a duration (expected 250ms, 5s, 2 minutes, 1.5 hours, infinite, or hh:mm:ss)", e);
        }
    }
}

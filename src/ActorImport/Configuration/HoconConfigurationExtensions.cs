using ActorImport.Model;
using Microsoft.Extensions.Configuration;

namespace ActorImport.Configuration;

/// <summary>
/// <c>AddHoconFile</c> / <c>AddHoconString</c> for <see cref="IConfigurationBuilder"/>. Both also
/// make HOCON durations (<c>5s</c>, <c>2 minutes</c>, <c>infinite</c>) bindable to
/// <see cref="TimeSpan"/> (see <see cref="HoconTimeSpanConverter.EnsureRegistered"/>), and the
/// option enums bindable from their hyphenated spelling (<c>checked-hash</c>; see
/// <see cref="HyphenatedEnumConverter{TEnum}.EnsureRegistered"/>), so that a host binding
/// <see cref="ActorImportOptions"/> itself reads the file as <see cref="ActorImportConfiguration"/> does.
/// Thread-safety: stateless.
/// </summary>
public static class HoconConfigurationExtensions
{
    /// <summary>Adds a HOCON file. Keys use ':' (<c>a:b:c</c>), array elements their index (<c>a:list:0</c>). Building the configuration throws <see cref="HoconException"/> (file, line, column) for a malformed document.</summary>
    /// <param name="path">The file; relative to the current directory. Includes are relative to the file.</param>
    /// <param name="optional">If true, a missing file adds nothing instead of throwing <see cref="FileNotFoundException"/>.</param>
    /// <param name="environment">Variables for <c>${?VAR}</c> fallbacks; null means the process environment.</param>
    public static IConfigurationBuilder AddHoconFile(
        this IConfigurationBuilder builder,
        string path,
        bool optional = false,
        IDictionary<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        RegisterConverters();
        return builder.Add(new HoconConfigurationSource { Path = path, Optional = optional, EnvironmentVariables = environment });
    }

    /// <summary>Adds HOCON text (handy in tests). Building the configuration throws <see cref="HoconException"/> (file, line, column) for any malformed document, and for nothing else.</summary>
    /// <param name="baseDirectory">Where includes are looked up; null means the current directory.</param>
    /// <param name="name">The file name used in error messages.</param>
    public static IConfigurationBuilder AddHoconString(
        this IConfigurationBuilder builder,
        string text,
        string? baseDirectory = null,
        IDictionary<string, string?>? environment = null,
        string name = "<string>")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(text);
        RegisterConverters();
        return builder.Add(new HoconConfigurationSource { Text = text, BaseDirectory = baseDirectory, EnvironmentVariables = environment, Name = name });
    }

    internal static void RegisterConverters()
    {
        HoconTimeSpanConverter.EnsureRegistered();
        HyphenatedEnumConverter<PycInvalidationMode>.EnsureRegistered();
        HyphenatedEnumConverter<LazyImportMode>.EnsureRegistered();
    }
}

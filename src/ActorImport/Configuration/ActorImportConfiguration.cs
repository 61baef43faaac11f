using ActorImport.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ActorImport.Configuration;

/// <summary>
/// The one place that assembles ActorImport's configuration, lowest precedence first:
/// the HOCON file (<c>akka.hocon</c>), then <c>ACTORIMPORT__…</c> environment variables
/// (<see cref="ActorImportEnvironmentSource"/>), then command-line switches
/// (<see cref="ActorImportCommandLineSource"/>); and binds the <c>actor-import</c> section to
/// validated <see cref="ActorImportOptions"/>. Thread-safety: stateless.
/// </summary>
public static class ActorImportConfiguration
{
    public const string DefaultFileName = "akka.hocon";

    /// <summary>Builds the layered configuration.</summary>
    /// <param name="hoconPath">The HOCON file (required to exist), or null for none: options then keep their built-in defaults, which match akka.hocon.</param>
    /// <param name="args">Command-line arguments; only the override forms are read, the rest are ignored.</param>
    /// <param name="environment">Environment variables (for overrides and HOCON <c>${?VAR}</c>); null means the process environment.</param>
    /// <exception cref="HoconException">The file has a syntax error or an unresolvable substitution.</exception>
    public static IConfigurationRoot Build(string? hoconPath, string[] args, IDictionary<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var builder = new ConfigurationBuilder();
        if (hoconPath is not null)
        {
            builder.AddHoconFile(hoconPath, optional: false, environment);
        }

        builder.Add(new ActorImportEnvironmentSource { Variables = environment });
        builder.Add(new ActorImportCommandLineSource { Args = args });
        return builder.Build();
    }

    /// <summary>
    /// Binds and validates the <c>actor-import</c> section. Unknown keys are errors (a typo must
    /// not silently fall back to a default).
    /// </summary>
    /// <exception cref="OptionsValidationException">A value does not convert, a key is unknown, or a value is out of range; the message names the key.</exception>
    public static ActorImportOptions Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        HoconTimeSpanConverter.EnsureRegistered();
        HyphenatedEnumConverter<PycInvalidationMode>.EnsureRegistered();
        HyphenatedEnumConverter<LazyImportMode>.EnsureRegistered();
        var section = configuration.GetSection(ActorImportOptions.SectionName);
        var options = new ActorImportOptions();

        // The binder appends to a list it finds filled; a configured path replaces the default.
        if (section.GetSection("search:path").GetChildren().Any())
        {
            options.Search.Path = [];
        }

        // Check first, so every failure names its configuration key.
        var shapeFailures = ActorImportOptionsSchema.Check(section, typeof(ActorImportOptions));
        if (shapeFailures.Count > 0)
        {
            throw new OptionsValidationException(ActorImportOptions.SectionName, typeof(ActorImportOptions), shapeFailures);
        }

        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException e)
        {
            string reason = e.InnerException is { } inner ? $"{e.Message} {inner.Message}" : e.Message;
            throw new OptionsValidationException(ActorImportOptions.SectionName, typeof(ActorImportOptions), [reason]);
        }

        var failures = ActorImportOptionsValidator.Check(options);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(ActorImportOptions.SectionName, typeof(ActorImportOptions), failures);
        }

        return options;
    }

    /// <summary>
    /// Finds <c>akka.hocon</c>: in <paramref name="start"/> (default: the current directory) or
    /// the nearest directory above it, else above <see cref="AppContext.BaseDirectory"/>; null if none.
    /// </summary>
    public static string? LocateDefaultFile(string? start = null)
    {
        foreach (string origin in new[] { start ?? Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, DefaultFileName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}

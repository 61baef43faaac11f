using Microsoft.Extensions.Configuration;

namespace ActorImport.Configuration;

/// <summary>
/// A HOCON document as a configuration source: a file (<see cref="Path"/>) or, when no path is
/// set, text (<see cref="Text"/>). Thread-safety: configure it before <c>Build</c>; the
/// configuration system only reads it afterwards.
/// </summary>
public sealed class HoconConfigurationSource : IConfigurationSource
{
    /// <summary>The file to read; relative paths are relative to the current directory.</summary>
    public string? Path { get; set; }

    /// <summary>The document text, used when <see cref="Path"/> is null.</summary>
    public string? Text { get; set; }

    /// <summary>The name errors give a text source.</summary>
    public string Name { get; set; } = "<string>";

    /// <summary>Where includes in a text source are looked up; null means the current directory.</summary>
    public string? BaseDirectory { get; set; }

    /// <summary>A missing file yields no settings instead of an error.</summary>
    public bool Optional { get; set; }

    /// <summary>
    /// The variables <c>${?VAR}</c> and unresolved <c>${a.b}</c> fall back to; null means the
    /// process environment.
    /// </summary>
    public IDictionary<string, string?>? EnvironmentVariables { get; set; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new HoconConfigurationProvider(this);
}

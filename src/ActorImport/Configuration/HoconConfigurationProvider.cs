using Microsoft.Extensions.Configuration;

namespace ActorImport.Configuration;

/// <summary>
/// Loads a <see cref="HoconConfigurationSource"/> into flat configuration data. It reads the
/// file itself rather than deriving from <c>FileConfigurationProvider</c>: includes need real
/// paths, and a syntax error should surface as the <see cref="HoconException"/> naming
/// file:line:column, not wrapped in an <c>InvalidDataException</c>.
/// Thread-safety: as <see cref="ConfigurationProvider"/> (loaded once by the builder, then read).
/// </summary>
public sealed class HoconConfigurationProvider : ConfigurationProvider
{
    private readonly HoconConfigurationSource _source;

    public HoconConfigurationProvider(HoconConfigurationSource source) => _source = source;

    public override void Load()
    {
        Func<string, string?> environment = _source.EnvironmentVariables is { } variables
            ? name => variables.TryGetValue(name, out var value) ? value : null
            : Environment.GetEnvironmentVariable;

        if (_source.Path is not { } path)
        {
            string directory = _source.BaseDirectory ?? Directory.GetCurrentDirectory();
            Data = HoconReader.ReadText(_source.Text ?? "", _source.Name, directory, environment);
            return;
        }

        string fullPath = System.IO.Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            if (_source.Optional)
            {
                Data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
                return;
            }

            throw new FileNotFoundException($"The HOCON configuration file '{fullPath}' was not found and is not optional.", fullPath);
        }

        Data = HoconReader.ReadFile(fullPath, path, environment);
    }
}

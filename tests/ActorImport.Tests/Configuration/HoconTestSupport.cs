using ActorImport.Configuration;
using Microsoft.Extensions.Configuration;

namespace ActorImport.Tests.Configuration;

/// <summary>Small helpers for the configuration tests: read HOCON text, make throw-away directories.</summary>
internal static class HoconTestSupport
{
    /// <summary>Reads text through the public extension; the environment is empty unless given, so tests never see the real one.</summary>
    public static IConfigurationRoot Read(string text, IDictionary<string, string?>? environment = null, string? baseDirectory = null, string name = "test.conf") =>
        new ConfigurationBuilder()
            .AddHoconString(text, baseDirectory, environment ?? new Dictionary<string, string?>(), name)
            .Build();

    /// <summary>The values of the keys joined with '|', "&lt;null&gt;" for a missing one.</summary>
    public static string Values(IConfiguration c, params string[] keys) => string.Join("|", keys.Select(k => c[k] ?? "<null>"));

    public static HoconException ReadError(string text, IDictionary<string, string?>? environment = null) =>
        Assert.Throws<HoconException>(() => Read(text, environment));

    /// <summary>The repository root: the directory above the test binaries that holds ActorImport.sln.</summary>
    public static string RepositoryRoot() => ActorImport.Tests.Conformance.RepositoryPaths.Root();
}

/// <summary>A fresh temporary directory, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "actorimport-hocon-" + Guid.NewGuid().ToString("N"));

    public string Write(string relative, string text)
    {
        string full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

namespace ActorImport.Configuration;

/// <summary>
/// Reads a HOCON document into flat configuration data: parse (with includes, merging as it
/// goes), resolve substitutions, flatten. Thread-safety: stateless; every call has its own
/// parser and resolver.
/// </summary>
internal static class HoconReader
{
    /// <summary>Reads a file; includes are relative to its directory.</summary>
    /// <param name="displayName">The name errors use (<c>akka.hocon:12:7: ...</c>).</param>
    public static Dictionary<string, string?> ReadFile(string fullPath, string displayName, Func<string, string?> environment)
    {
        string text = File.ReadAllText(fullPath);
        return Read(text, displayName, fullPath, Path.GetDirectoryName(fullPath)!, environment);
    }

    /// <summary>Reads text; includes are relative to <paramref name="directory"/>.</summary>
    public static Dictionary<string, string?> ReadText(string text, string displayName, string directory, Func<string, string?> environment) =>
        Read(text, displayName, fullPath: null, directory, environment);

    private static Dictionary<string, string?> Read(string text, string displayName, string? fullPath, string directory, Func<string, string?> environment)
    {
        var root = new HoconObject(new HoconPosition(displayName, 1, 1));
        new HoconIncluder().ParseRoot(text, displayName, fullPath, directory, root);
        var resolved = new HoconResolver(root, environment).Resolve();
        return HoconFlattener.Flatten(resolved);
    }
}

namespace ActorImport.Configuration;

/// <summary>
/// Reads the files of one document: the root file and everything it includes. An include is
/// relative to the including file's directory; a missing file is ignored (HOCON: includes are
/// optional unless wrapped in <c>required(...)</c>); including a file that is already being
/// read is a cycle and an error naming the chain.
/// Thread-safety: one instance per document load, one thread.
/// </summary>
internal sealed class HoconIncluder
{
    // Full paths of the files being parsed, outermost first.
    private readonly List<string> _active = [];

    /// <summary>Parses a document's text into <paramref name="root"/>.</summary>
    /// <param name="fullPath">The file's full path, or null for text that is not a file.</param>
    public void ParseRoot(string text, string displayName, string? fullPath, string directory, HoconObject root)
    {
        if (fullPath is not null)
        {
            _active.Add(fullPath);
        }

        var tokens = new HoconTokenizer(text, displayName).Tokenize();
        new HoconParser(tokens, this, directory, substitutionPrefix: []).ParseDocument(root, basePath: []);
        if (fullPath is not null)
        {
            _active.RemoveAt(_active.Count - 1);
        }
    }

    /// <summary>Parses an included file into <paramref name="target"/>, the object the include appears in.</summary>
    public void Include(
        string name,
        bool required,
        HoconPosition at,
        string includingDirectory,
        HoconObject target,
        IReadOnlyList<string>? basePath,
        IReadOnlyList<string> substitutionPrefix)
    {
        // A NUL is no file name on any system; Path.GetFullPath would throw ArgumentException (found by fuzzing).
        if (name.Contains('\0'))
        {
            throw new HoconException(at, "an include's file name cannot contain a NUL character");
        }

        string? fullPath = Locate(name, includingDirectory);
        if (fullPath is null)
        {
            if (required)
            {
                throw new HoconException(at, $"required include \"{name}\" not found (looked in {includingDirectory})");
            }

            return;
        }

        int earlier = _active.FindIndex(p => string.Equals(p, fullPath, StringComparison.Ordinal));
        if (earlier >= 0)
        {
            var chain = _active.Skip(earlier).Append(fullPath).Select(Path.GetFileName);
            throw new HoconException(at, $"include cycle: {string.Join(" -> ", chain)}");
        }

        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HoconException(at, $"cannot read included file {fullPath}: {e.Message}");
        }

        _active.Add(fullPath);
        var tokens = new HoconTokenizer(text, fullPath).Tokenize();
        new HoconParser(tokens, this, Path.GetDirectoryName(fullPath)!, substitutionPrefix).ParseDocument(target, basePath);
        _active.RemoveAt(_active.Count - 1);
    }

    /// <summary>The file as named, else with a HOCON extension added when it has none.</summary>
    private static string? Locate(string name, string includingDirectory)
    {
        string candidate = Path.GetFullPath(name, includingDirectory);
        if (File.Exists(candidate))
        {
            return candidate;
        }

        if (Path.HasExtension(candidate))
        {
            return null;
        }

        foreach (string extension in (string[])[".conf", ".hocon"])
        {
            if (File.Exists(candidate + extension))
            {
                return candidate + extension;
            }
        }

        return null;
    }
}

using System.Collections.Concurrent;

namespace ActorImport.Python.Interpreting.Facts;

/// <summary>
/// The recorded facts files embedded in the assembly (<c>ActorImport.Facts.cpython-3.11-linux…</c>),
/// and each table parsed from them once per process: a table is immutable and a constant of
/// the assembly, not interpreter state, so every engine may share it (parsing them took about
/// 8 ms per engine). Thread-safety: safe from any thread (a concurrent cache of immutable values).
/// </summary>
internal static class FactResources
{
    private static readonly ConcurrentDictionary<(Type Table, int Major, int Minor, string Platform), object> Parsed = new();

    /// <summary>The resource's stem for <paramref name="version"/> on <paramref name="platform"/>: <c>ActorImport.Facts.cpython-3.11-linux</c>.</summary>
    public static string Stem(Version version, string platform) => $"ActorImport.Facts.cpython-{version.Major}.{version.Minor}-{platform}";

    /// <summary>The table of type <typeparamref name="T"/> for <paramref name="version"/> on <paramref name="platform"/>, parsed by <paramref name="load"/> the first time.</summary>
    public static T Table<T>(Version version, string platform, Func<string, T> load)
        where T : class =>
        (T)Parsed.GetOrAdd((typeof(T), version.Major, version.Minor, platform), key => load(Stem(version, key.Platform)));

    /// <summary>The embedded text <paramref name="name"/>, or null when the assembly has none.</summary>
    public static string? Read(string name)
    {
        using Stream? stream = typeof(FactResources).Assembly.GetManifestResourceStream(name);
        if (stream is null)
        {
            return null;
        }
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

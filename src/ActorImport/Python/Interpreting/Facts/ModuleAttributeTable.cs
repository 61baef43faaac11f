using System.Collections.Frozen;

namespace ActorImport.Python.Interpreting.Facts;

/// <summary>
/// The attribute names of CPython's built-in and extension modules (<c>dir(posix)</c>,
/// <c>dir(_socket)</c>…) as the CPython this engine copies has them on its platform, recorded
/// from that CPython (<c>cpython-3.11-linux.txt</c>, checked against the machine's python3 by
/// ModuleAttributeTableTests). With it, <c>hasattr(os, 'fork')</c>, <c>from posix import *</c>
/// and <c>try: from _foo import bar</c> are decided instead of undecided; the values stay
/// opaque. Immutable after construction; safe from any thread.
/// </summary>
public sealed class ModuleAttributeTable
{
    private readonly FrozenDictionary<string, FrozenSet<string>> _modules;

    private ModuleAttributeTable(FrozenDictionary<string, FrozenSet<string>> modules)
    {
        _modules = modules;
    }

    /// <summary>An empty table: every built-in module's attributes are unknown.</summary>
    public static ModuleAttributeTable Empty { get; } = new(FrozenDictionary<string, FrozenSet<string>>.Empty);

    /// <summary>The table recorded for <paramref name="version"/> on <paramref name="platform"/>, or <see cref="Empty"/> when none was.</summary>
    public static ModuleAttributeTable For(Version version, string platform)
    {
        string resource = $"ActorImport.Facts.cpython-{version.Major}.{version.Minor}-{platform}.txt";
        using Stream? stream = typeof(ModuleAttributeTable).Assembly.GetManifestResourceStream(resource);
        if (stream is null)
        {
            return Empty;
        }
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Reads the <c>name: attr attr …</c> lines (lines starting with <c>#</c> are comments).</summary>
    public static ModuleAttributeTable Parse(string text)
    {
        var modules = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        foreach (string line in text.Split('\n'))
        {
            int colon = line.IndexOf(':');
            if (line.StartsWith('#') || colon <= 0)
            {
                continue;
            }
            modules[line[..colon]] = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
        }
        return new ModuleAttributeTable(modules.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The modules the table knows.</summary>
    public IEnumerable<string> Modules => _modules.Keys;

    /// <summary><c>dir(module)</c>, when the table knows the module.</summary>
    public bool TryGetNames(string module, out IReadOnlySet<string> names)
    {
        bool found = _modules.TryGetValue(module, out FrozenSet<string>? set);
        names = set ?? FrozenSet<string>.Empty;
        return found;
    }
}

using System.Collections.Frozen;
using System.Text.Json;
using ActorImport.Python.Interpreting.Values;

namespace ActorImport.Python.Interpreting.Facts;

/// <summary>
/// What CPython's built-in and extension modules hold, recorded from the CPython this engine
/// copies on its platform by <c>record-module-facts.py</c> (checked against the machine's python3
/// by ModuleAttributeTableTests): the attribute names of each module (<c>dir(posix)</c>), of each
/// class in them (<c>dir(_socket.socket)</c> without <c>object</c>'s), and the values of their
/// constants (<c>posix._have_functions</c>, <c>_sre.MAGIC</c>). With it, <c>hasattr(os, 'fork')</c>,
/// <c>from posix import *</c> and <c>try: from _foo import bar</c> are decided instead of
/// undecided; other values stay opaque. Immutable after construction; safe from any thread.
/// </summary>
public sealed class ModuleAttributeTable
{
    private static readonly FrozenSet<string> ObjectNames = new[]
    {
        "__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__", "__getstate__",
        "__gt__", "__hash__", "__init__", "__init_subclass__", "__le__", "__lt__", "__ne__", "__new__", "__reduce__",
        "__reduce_ex__", "__repr__", "__setattr__", "__sizeof__", "__str__", "__subclasshook__",

        // What every class has through type (dir(type) minus dir(object), less __abstractmethods__
        // and __annotations__, which most classes do not have).
        "__base__", "__bases__", "__basicsize__", "__call__", "__dict__", "__dictoffset__", "__flags__", "__instancecheck__",
        "__itemsize__", "__module__", "__mro__", "__name__", "__or__", "__prepare__", "__qualname__", "__ror__",
        "__subclasscheck__", "__subclasses__", "__text_signature__", "__weakrefoffset__", "mro",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary><c>dir(object)</c> in CPython 3.11: what every instance has.</summary>
    public static IReadOnlySet<string> ObjectAttributeNames { get; } = new[]
    {
        "__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__", "__getstate__",
        "__gt__", "__hash__", "__init__", "__init_subclass__", "__le__", "__lt__", "__ne__", "__new__", "__reduce__",
        "__reduce_ex__", "__repr__", "__setattr__", "__sizeof__", "__str__", "__subclasshook__",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, FrozenSet<string>> _names;
    private readonly FrozenDictionary<string, JsonElement> _constants;

    private ModuleAttributeTable(FrozenDictionary<string, FrozenSet<string>> names, FrozenDictionary<string, JsonElement> constants)
    {
        _names = names;
        _constants = constants;
    }

    /// <summary>An empty table: every built-in module's attributes are unknown.</summary>
    public static ModuleAttributeTable Empty { get; } = new(FrozenDictionary<string, FrozenSet<string>>.Empty, FrozenDictionary<string, JsonElement>.Empty);

    /// <summary>The table recorded for <paramref name="version"/> on <paramref name="platform"/>, or <see cref="Empty"/> when none was.</summary>
    public static ModuleAttributeTable For(Version version, string platform) =>
        FactResources.Table(version, platform, stem =>
            FactResources.Read(stem + ".txt") is { } names ? Parse(names, FactResources.Read(stem + ".json") ?? "{}") : Empty);

    /// <summary>Reads the <c>name: attr attr …</c> lines (<c>#</c> starts a comment) and the constants' JSON.</summary>
    public static ModuleAttributeTable Parse(string names, string constantsJson)
    {
        var modules = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        foreach (string line in names.Split('\n'))
        {
            int colon = line.IndexOf(':');
            if (line.StartsWith('#') || colon <= 0)
            {
                continue;
            }
            modules[line[..colon]] = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
        }
        var constants = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        using (JsonDocument document = JsonDocument.Parse(constantsJson))
        {
            foreach (JsonProperty module in document.RootElement.EnumerateObject())
            {
                foreach (JsonProperty attribute in module.Value.EnumerateObject())
                {
                    constants[$"{module.Name}.{attribute.Name}"] = attribute.Value.Clone();
                }
            }
        }
        return new ModuleAttributeTable(modules.ToFrozenDictionary(StringComparer.Ordinal), constants.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The modules and classes the table knows (<c>posix</c>, <c>_socket.socket</c>).</summary>
    public IEnumerable<string> Paths => _names.Keys;

    /// <summary><c>dir(module)</c>, or <c>dir(module.Class)</c> without <c>object</c>'s names, when the table knows the path.</summary>
    public bool TryGetNames(string path, out IReadOnlySet<string> names)
    {
        bool found = _names.TryGetValue(path, out FrozenSet<string>? set);
        names = set ?? FrozenSet<string>.Empty;
        return found;
    }

    /// <summary>
    /// Whether <c>module.name</c> is a class: true when the table has its class line, false when
    /// the module is recorded but the name is not a class, null when the module is not recorded.
    /// </summary>
    public bool? IsClass(string path)
    {
        int dot = path.LastIndexOf('.');
        if (dot < 0 || !_names.TryGetValue(path[..dot], out FrozenSet<string>? names) || path[..dot].Contains('.'))
        {
            return null;
        }
        return names.Contains(path[(dot + 1)..]) ? _names.ContainsKey(path) : null;
    }

    /// <summary>
    /// <c>hasattr</c> on a recorded module or class: true/false, or null when the path is not
    /// recorded. A class has <c>object</c>'s attributes too.
    /// </summary>
    public bool? Has(string path, string name)
    {
        if (!_names.TryGetValue(path, out FrozenSet<string>? set))
        {
            return null;
        }
        return set.Contains(name) || (path.Contains('.') && ObjectNames.Contains(name));
    }

    /// <summary>
    /// The value of <c>path.name</c>: the recorded constant, else an opaque value that remembers
    /// its path (so that <c>hasattr(_socket.socket, 'share')</c> can be answered later).
    /// </summary>
    public object? ValueOf(string path, string name) =>
        _constants.TryGetValue($"{path}.{name}", out JsonElement constant)
            ? FromJson(constant)
            : new OpaqueValue($"{path}.{name}") { BuiltinPath = $"{path}.{name}", IsNotNone = !path.Contains('.') };

    private static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out long l) ? l : (element.GetRawText().All(c => char.IsAsciiDigit(c) || c == '-') ? new OpaqueValue("big int") : element.GetDouble()),
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.Object when element.TryGetProperty("tuple", out JsonElement items) => new PyTuple(items.EnumerateArray().Select(FromJson).ToArray()),
        JsonValueKind.Object when element.TryGetProperty("frozenset", out JsonElement items) => new OpaqueValue($"frozenset of {items.GetArrayLength()}"),
        _ => new OpaqueValue("constant"),
    };
}

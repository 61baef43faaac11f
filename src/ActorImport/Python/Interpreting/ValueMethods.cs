using System.Text;
using ActorImport.Model;
using ActorImport.Python.Interpreting.Values;

namespace ActorImport.Python.Interpreting;

/// <summary>A method of a known str, bytes, dict, list, tuple or set value (<c>sys.platform.startswith</c>). Immutable reference to its target.</summary>
public sealed record PyValueMethod(object Target, string Name)
{
    public override string ToString() => $"<built-in method {Name}>";
}

/// <summary>
/// The methods of the plain values that module bodies call at import time, evaluated as CPython
/// does when the arguments are known (opaque otherwise). Lists, dicts and sets are edited in
/// place, as the body's own objects are. Stateless; safe from any thread (the values it edits
/// belong to the executing body).
/// </summary>
internal static class ValueMethods
{
    private static readonly Dictionary<Type, HashSet<string>> Names = new()
    {
        [typeof(string)] = ["startswith", "endswith", "lower", "upper", "casefold", "strip", "lstrip", "rstrip", "split", "rsplit",
            "join", "replace", "partition", "rpartition", "find", "rfind", "count", "isidentifier", "isdigit", "isalpha",
            "isalnum", "isupper", "islower", "isspace", "encode", "splitlines", "removeprefix", "removesuffix", "capitalize", "title"],
        [typeof(PyBytes)] = ["decode"],
        [typeof(Dictionary<object, object?>)] = ["items", "keys", "values", "get", "copy", "setdefault", "pop", "update", "clear"],
        [typeof(List<object?>)] = ["insert", "remove", "pop", "index", "count", "copy", "reverse", "sort", "clear"],
        [typeof(PyTuple)] = ["index", "count"],
        [typeof(HashSet<object?>)] = ["add", "discard", "remove", "update", "union", "intersection", "difference", "copy", "issubset", "issuperset"],
    };

    /// <summary>The bound method <c>target.name</c>, when this class evaluates it.</summary>
    public static bool TryGet(object? target, string name, out PyValueMethod? method)
    {
        method = target is not null && Names.TryGetValue(target.GetType(), out HashSet<string>? names) && (names.Contains(name) || name == "__contains__")
            ? new PyValueMethod(target, name)
            : null;
        return method is not null;
    }

    public static object? Call(PyValueMethod method, IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?> keywords)
    {
        if (keywords.Count > 0 && method.Name is not ("sort" or "update" or "split" or "rsplit" or "encode" or "decode"))
        {
            return new OpaqueValue($"{method.Name}(…)");
        }
        if (method.Name == "__contains__")
        {
            bool? contains = args.Count == 1 ? PyOperators.Contains(method.Target, args[0]) : null;
            return contains ?? (object)new OpaqueValue("__contains__(…)");
        }
        try
        {
            return method.Target switch
            {
                string s => Str(s, method.Name, args, keywords),
                PyBytes b when method.Name == "decode" && (args.Count == 0 ? keywords.GetValueOrDefault("encoding", "utf-8") : args[0]) is string encoding => Decode(b, encoding),
                Dictionary<object, object?> d => Dict(d, method.Name, args, keywords),
                List<object?> l => List(l, method.Name, args, keywords),
                PyTuple t => Sequence(t.Items, method.Name, args),
                HashSet<object?> h => Set(h, method.Name, args),
                _ => new OpaqueValue($"{method.Name}(…)"),
            };
        }
        catch (InvalidCastException)
        {
            // An argument of a type the method does not take here: CPython's TypeError is not modelled, the value is unknown.
            return new OpaqueValue($"{method.Name}(…)");
        }
    }

    private static object? Str(string s, string name, IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?> keywords)
    {
        object? a0 = args.Count > 0 ? args[0] : null;
        switch (name)
        {
            case "startswith" or "endswith" when args.Count == 1:
                IEnumerable<object?> affixes = a0 is PyTuple t ? t.Items : [a0];
                if (!affixes.All(x => x is string))
                {
                    return new OpaqueValue(name);
                }
                return affixes.Cast<string>().Any(x => name == "startswith" ? s.StartsWith(x, StringComparison.Ordinal) : s.EndsWith(x, StringComparison.Ordinal));
            case "lower" or "casefold": return s.ToLowerInvariant();
            case "upper": return s.ToUpperInvariant();
            case "capitalize": return s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant();
            case "title": return System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(s.ToLowerInvariant());
            case "strip" or "lstrip" or "rstrip" when a0 is null or string:
                char[]? chars = (a0 as string)?.ToCharArray();
                return name switch
                {
                    "strip" => chars is null ? s.Trim() : s.Trim(chars),
                    "lstrip" => chars is null ? s.TrimStart() : s.TrimStart(chars),
                    _ => chars is null ? s.TrimEnd() : s.TrimEnd(chars),
                };
            case "split" or "rsplit":
                object? sep = args.Count > 0 ? a0 : keywords.GetValueOrDefault("sep");
                object? max = args.Count > 1 ? args[1] : keywords.GetValueOrDefault("maxsplit", -1L);
                if (max is not long maxsplit || (sep is not null and not string) || (maxsplit >= 0 && name == "rsplit"))
                {
                    return new OpaqueValue(name);
                }
                if (sep is "")
                {
                    throw new PythonException("ValueError", "empty separator");
                }
                string[] parts = sep is string separator
                    ? (maxsplit < 0 ? s.Split(separator) : s.Split(separator, (int)maxsplit + 1))
                    : (maxsplit < 0 ? s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) : s.TrimStart().Split((char[]?)null, (int)maxsplit + 1, StringSplitOptions.RemoveEmptyEntries));
                return parts.Cast<object?>().ToList();
            case "join" when Iteration.Items(a0) is { } items && items.All(i => i is string):
                return string.Join(s, items.Cast<string>());
            case "replace" when args.Count == 2 && a0 is string old && args[1] is string @new:
                return old.Length == 0 ? new OpaqueValue("replace") : s.Replace(old, @new, StringComparison.Ordinal);
            case "partition" or "rpartition" when a0 is string mark && mark.Length > 0:
                int at = name == "partition" ? s.IndexOf(mark, StringComparison.Ordinal) : s.LastIndexOf(mark, StringComparison.Ordinal);
                return at < 0
                    ? (name == "partition" ? new PyTuple([s, "", ""]) : new PyTuple(["", "", s]))
                    : new PyTuple([s[..at], mark, s[(at + mark.Length)..]]);
            case "find" or "rfind" when args.Count == 1 && a0 is string sub:
                return (long)(name == "find" ? s.IndexOf(sub, StringComparison.Ordinal) : s.LastIndexOf(sub, StringComparison.Ordinal));
            case "count" when args.Count == 1 && a0 is string sub && sub.Length > 0:
                return (long)((s.Length - s.Replace(sub, "", StringComparison.Ordinal).Length) / sub.Length);
            case "isidentifier":
                return s.Length > 0 && (char.IsLetter(s[0]) || s[0] == '_') && s.All(c => char.IsLetterOrDigit(c) || c == '_');
            case "isdigit": return s.Length > 0 && s.All(char.IsDigit);
            case "isalpha": return s.Length > 0 && s.All(char.IsLetter);
            case "isalnum": return s.Length > 0 && s.All(char.IsLetterOrDigit);
            case "isspace": return s.Length > 0 && s.All(char.IsWhiteSpace);
            case "isupper": return s.Any(char.IsLetter) && !s.Any(char.IsLower);
            case "islower": return s.Any(char.IsLetter) && !s.Any(char.IsUpper);
            case "splitlines" when args.Count == 0:
                return s.Split('\n').Select(l => l.TrimEnd('\r')).Take(s.EndsWith('\n') ? s.Split('\n').Length - 1 : int.MaxValue).Cast<object?>().ToList();
            case "removeprefix" when a0 is string prefix:
                return s.StartsWith(prefix, StringComparison.Ordinal) ? s[prefix.Length..] : s;
            case "removesuffix" when a0 is string suffix:
                return suffix.Length > 0 && s.EndsWith(suffix, StringComparison.Ordinal) ? s[..^suffix.Length] : s;
            case "encode" when (args.Count == 0 ? keywords.GetValueOrDefault("encoding", "utf-8") : a0) is string encoding:
                return Encode(s, encoding);
            default:
                return new OpaqueValue(name);
        }
    }

    private static object Encode(string s, string encoding) => encoding.ToLowerInvariant().Replace('_', '-') switch
    {
        "utf-8" or "utf8" => new PyBytes(Encoding.UTF8.GetBytes(s)),
        "ascii" or "us-ascii" when s.All(c => c < 128) => new PyBytes(Encoding.ASCII.GetBytes(s)),
        "latin-1" or "latin1" or "iso-8859-1" when s.All(c => c < 256) => new PyBytes(s.Select(c => (byte)c).ToArray()),
        _ => new OpaqueValue("encode"),
    };

    private static object Decode(PyBytes b, string encoding) => encoding.ToLowerInvariant().Replace('_', '-') switch
    {
        "ascii" or "us-ascii" when b.Value.ToArray().All(x => x < 128) => Encoding.ASCII.GetString(b.Value),
        "latin-1" or "latin1" or "iso-8859-1" => string.Concat(b.Value.ToArray().Select(x => (char)x)),
        "utf-8" or "utf8" => Encoding.UTF8.GetString(b.Value),
        _ => new OpaqueValue("decode"),
    };

    private static object? Dict(Dictionary<object, object?> d, string name, IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?> keywords)
    {
        object? a0 = args.Count > 0 ? args[0] : null;
        switch (name)
        {
            case "items": return d.Select(kv => (object?)new PyTuple([kv.Key, kv.Value])).ToList();
            case "keys": return d.Keys.Cast<object?>().ToList();
            case "values": return d.Values.ToList();
            case "get" when args.Count is 1 or 2 && a0 is not null && PyOperators.IsKnown(a0):
                return d.TryGetValue(a0, out object? v) ? v : (args.Count > 1 ? args[1] : null);
            case "copy": return new Dictionary<object, object?>(d, PyKeyComparer.Instance);
            case "setdefault" when args.Count is 1 or 2 && a0 is not null && PyOperators.IsKnown(a0):
                if (!d.TryGetValue(a0, out object? existing))
                {
                    existing = args.Count > 1 ? args[1] : null;
                    d[a0] = existing;
                }
                return existing;
            case "pop" when args.Count is 1 or 2 && a0 is not null && PyOperators.IsKnown(a0):
                if (d.Remove(a0, out object? popped))
                {
                    return popped;
                }
                return args.Count > 1 ? args[1] : throw new PythonException("KeyError", PyRepr.Of(a0));
            case "update" when args.Count == 0 || a0 is Dictionary<object, object?>:
                foreach (var kv in (a0 as Dictionary<object, object?>) ?? [])
                {
                    d[kv.Key] = kv.Value;
                }
                foreach (var (key, value) in keywords)
                {
                    d[key] = value;
                }
                return null;
            case "clear":
                d.Clear();
                return null;
            default:
                return new OpaqueValue(name);
        }
    }

    private static object? List(List<object?> l, string name, IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?> keywords)
    {
        object? a0 = args.Count > 0 ? args[0] : null;
        switch (name)
        {
            case "insert" when args.Count == 2 && a0 is long index:
                long at = index < 0 ? Math.Max(0, index + l.Count) : Math.Min(index, l.Count);
                l.Insert((int)at, args[1]);
                return null;
            case "remove" when args.Count == 1 && PyOperators.IsKnown(a0):
                int found = l.FindIndex(x => PyOperators.IsKnown(x) && PyOperators.AreEqual(x, a0));
                if (found < 0)
                {
                    throw new PythonException("ValueError", "list.remove(x): x not in list");
                }
                l.RemoveAt(found);
                return null;
            case "pop" when args.Count == 0 || a0 is long:
                if (l.Count == 0)
                {
                    throw new PythonException("IndexError", "pop from empty list");
                }
                long i = args.Count == 0 ? l.Count - 1 : (long)a0! < 0 ? (long)a0! + l.Count : (long)a0!;
                if (i < 0 || i >= l.Count)
                {
                    throw new PythonException("IndexError", "pop index out of range");
                }
                object? item = l[(int)i];
                l.RemoveAt((int)i);
                return item;
            case "copy": return l.ToList();
            case "reverse":
                l.Reverse();
                return null;
            case "clear":
                l.Clear();
                return null;
            case "sort" when args.Count == 0 && !keywords.ContainsKey("key") && l.All(PyOperators.IsKnown) && l.Skip(1).All(x => PyOperators.Compare(x, l[0]) is not null):
                var sorted = l.Select((v, k) => (v, k)).OrderBy(p => p.v, Comparer<object?>.Create((a, b) => PyOperators.Compare(a, b) ?? 0)).Select(p => p.v).ToList();
                if (keywords.GetValueOrDefault("reverse") is true)
                {
                    sorted.Reverse();
                }
                l.Clear();
                l.AddRange(sorted);
                return null;
            default:
                return Sequence(l, name, args);
        }
    }

    private static object? Sequence(IReadOnlyList<object?> items, string name, IReadOnlyList<object?> args)
    {
        object? a0 = args.Count > 0 ? args[0] : null;
        if (args.Count != 1 || !PyOperators.IsKnown(a0) || !items.All(PyOperators.IsKnown))
        {
            return new OpaqueValue(name);
        }
        switch (name)
        {
            case "count":
                return (long)items.Count(x => PyOperators.AreEqual(x, a0));
            case "index":
                int at = items.ToList().FindIndex(x => PyOperators.AreEqual(x, a0));
                return at >= 0 ? at : throw new PythonException("ValueError", $"{PyRepr.Of(a0)} is not in list");
            default:
                return new OpaqueValue(name);
        }
    }

    private static object? Set(HashSet<object?> h, string name, IReadOnlyList<object?> args)
    {
        IReadOnlyList<object?>? other = args.Count == 1 ? Iteration.Items(args[0]) : null;
        object? a0 = args.Count > 0 ? args[0] : null;
        switch (name)
        {
            case "add" when args.Count == 1 && PyOperators.IsKnown(a0):
                h.Add(a0);
                return null;
            case "discard" when args.Count == 1 && PyOperators.IsKnown(a0):
                h.Remove(a0);
                return null;
            case "remove" when args.Count == 1 && PyOperators.IsKnown(a0):
                return h.Remove(a0) ? null : throw new PythonException("KeyError", PyRepr.Of(a0));
            case "copy": return new HashSet<object?>(h, PyKeyComparer.Instance);
            case "update" when other is not null && other.All(PyOperators.IsKnown):
                h.UnionWith(other);
                return null;
            case "union" or "intersection" or "difference" or "issubset" or "issuperset" when other is not null && other.All(PyOperators.IsKnown):
                var copy = new HashSet<object?>(h, PyKeyComparer.Instance);
                switch (name)
                {
                    case "union": copy.UnionWith(other); return copy;
                    case "intersection": copy.IntersectWith(other); return copy;
                    case "difference": copy.ExceptWith(other); return copy;
                    case "issubset": return h.IsSubsetOf(other);
                    default: return h.IsSupersetOf(other);
                }
            default:
                return new OpaqueValue(name);
        }
    }
}

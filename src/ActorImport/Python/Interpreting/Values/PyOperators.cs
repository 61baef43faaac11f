using ActorImport.Model;

namespace ActorImport.Python.Interpreting.Values;

/// <summary>
/// Python's truth value, equality and ordering over the known values (None=null, bool, long,
/// double, string, <see cref="PyBytes"/>, <see cref="PyTuple"/>, lists, dicts). Anything else
/// yields <c>null</c> ("undecided"). Stateless; safe from any thread.
/// </summary>
public static class PyOperators
{
    /// <summary><c>bool(value)</c>, or <c>null</c> when it cannot be known.</summary>
    public static bool? Truth(object? value) => value switch
    {
        null => false,
        bool b => b,
        long l => l != 0,
        double d => d != 0,
        string s => s.Length != 0,
        PyBytes b => b.Length != 0,
        PyTuple t => t.Count != 0,
        List<object?> l => l.Count != 0,
        Dictionary<object, object?> d => d.Count != 0,
        HashSet<object?> s => s.Count != 0,
        PyRange r => r.Count != 0,
        PyIterator => true,
        ModuleObject or PyFunction or PyClass or PyExceptionClass or IntrinsicFunction or SysModulesView => true,
        PyBuiltinType or PyBuiltinFunction or PyBoundMethod or PyMethodWrapper or Model.PythonException => true,
        _ => null,
    };

    /// <summary>
    /// <c>a is b</c>, or <c>null</c> when undecided: None and the booleans are singletons; modules,
    /// functions, classes, instances and the built-in types and functions are compared by
    /// identity; anything involving an opaque value or two equal plain values is undecided.
    /// </summary>
    public static bool? Identical(object? a, object? b)
    {
        if (a is null || b is null || a is bool || b is bool)
        {
            if ((a is null && b is OpaqueValue { IsNotNone: true }) || (b is null && a is OpaqueValue { IsNotNone: true }))
            {
                return false;
            }
            return a is OpaqueValue || b is OpaqueValue ? null : Equals(a, b);
        }
        if (HasIdentity(a) && HasIdentity(b))
        {
            return a is PyBuiltinType or PyBuiltinFunction or PyExceptionClass ? a.Equals(b) : ReferenceEquals(a, b);
        }
        if ((HasIdentity(a) && IsKnown(b)) || (IsKnown(a) && HasIdentity(b)))
        {
            return false;
        }
        return null;
    }

    /// <summary>Objects whose identity the interpreter tracks (one object per Python object).</summary>
    public static bool HasIdentity(object? value) =>
        value is ModuleObject or PyFunction or PyClass or PyInstance or PyBuiltinType or PyBuiltinFunction or PyExceptionClass or IntrinsicFunction;

    /// <summary>True for values whose equality and order this class decides.</summary>
    public static bool IsKnown(object? value) => value switch
    {
        null or bool or long or double or string or PyBytes => true,
        PyTuple t => t.Items.All(IsKnown),
        List<object?> l => l.All(IsKnown),
        Dictionary<object, object?> d => d.Keys.All(IsKnown) && d.Values.All(IsKnown),
        HashSet<object?> s => s.All(IsKnown),
        _ => false,
    };

    /// <summary><c>a == b</c> for known values (bool is an int, as in Python).</summary>
    public static bool AreEqual(object? a, object? b)
    {
        if (AsNumber(a) is double x && AsNumber(b) is double y)
        {
            return x == y;
        }
        return (a, b) switch
        {
            (null, null) => true,
            (null, _) or (_, null) => false,
            (string s, string t) => s == t,
            (PyBytes s, PyBytes t) => s.Equals(t),
            (PyTuple s, PyTuple t) => s.Equals(t),
            (List<object?> s, List<object?> t) => s.Count == t.Count && s.Zip(t).All(p => AreEqual(p.First, p.Second)),
            (Dictionary<object, object?> s, Dictionary<object, object?> t) =>
                s.Count == t.Count && s.All(kv => t.TryGetValue(kv.Key, out object? v) && AreEqual(kv.Value, v)),
            (HashSet<object?> s, HashSet<object?> t) => s.SetEquals(t),
            _ => ReferenceEquals(a, b) || Equals(a, b),
        };
    }

    /// <summary>A hash consistent with <see cref="AreEqual"/> (1 == 1.0 == True).</summary>
    public static int HashOf(object value) => AsNumber(value) is double d ? d.GetHashCode() : value.GetHashCode();

    /// <summary><c>a &lt; b</c> etc. as -1/0/1, or <c>null</c> when Python would raise or the values are unknown.</summary>
    public static int? Compare(object? a, object? b)
    {
        if (AsNumber(a) is double x && AsNumber(b) is double y)
        {
            return x.CompareTo(y);
        }
        switch (a, b)
        {
            case (string s, string t):
                return Math.Sign(string.CompareOrdinal(s, t));
            case (PyTuple s, PyTuple t):
                return CompareSequences(s.Items, t.Items);
            case (List<object?> s, List<object?> t):
                return CompareSequences(s, t);
            default:
                return null;
        }
    }

    /// <summary><c>item in container</c>, or <c>null</c> when undecided.</summary>
    public static bool? Contains(object? container, object? item)
    {
        if (!IsKnown(item) && container is not Dictionary<object, object?>)
        {
            return null;
        }
        return container switch
        {
            GlobalsView g when item is string name => g.Module.HasAttribute(name) ? true : (g.NamesKnown ? false : null),
            PyRange r when item is long or bool => Convert.ToInt64(item, System.Globalization.CultureInfo.InvariantCulture) is long v && (r.Step > 0 ? v >= r.Start && v < r.Stop : v <= r.Start && v > r.Stop) && (v - r.Start) % r.Step == 0,
            string s when item is string t => s.Contains(t, StringComparison.Ordinal),
            PyTuple t => t.Items.Any(i => AreEqual(i, item)),
            List<object?> l => l.Any(i => AreEqual(i, item)),
            HashSet<object?> h => h.Any(i => AreEqual(i, item)),
            Dictionary<object, object?> d => item is not null && d.Keys.Any(k => AreEqual(k, item)),
            _ => null,
        };
    }

    private static int? CompareSequences(IReadOnlyList<object?> s, IReadOnlyList<object?> t)
    {
        for (int i = 0; i < Math.Min(s.Count, t.Count); i++)
        {
            if (!IsKnown(s[i]) || !IsKnown(t[i]))
            {
                return null;
            }
            if (!AreEqual(s[i], t[i]))
            {
                return Compare(s[i], t[i]);
            }
        }
        return s.Count.CompareTo(t.Count);
    }

    private static double? AsNumber(object? value) => value switch
    {
        bool b => b ? 1 : 0,
        long l => l,
        double d => d,
        _ => null,
    };
}

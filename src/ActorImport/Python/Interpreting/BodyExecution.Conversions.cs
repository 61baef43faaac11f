using System.Globalization;
using ActorImport.Model;
using ActorImport.Python.Interpreting.Values;

namespace ActorImport.Python.Interpreting;

// Calling the built-in types: the conversions (bool, int, str…), containers built from known
// items, range, type(x), the method wrappers and the iterator builtins (enumerate, zip, map…).
internal sealed partial class BodyExecution
{
    /// <summary>Calling a built-in type: the conversions (<c>bool</c>, <c>int</c>, <c>str</c>…), <c>type(x)</c>, <c>range</c>, the method wrappers.</summary>
    private object? CallType(string name, IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?> keywords, int line = 0)
    {
        _mapLine = line;
        object? first = args.Count > 0 ? args[0] : null;
        switch (name)
        {
            case "bool":
                return args.Count == 0 ? false : Decided(PyOperators.Truth(first), "bool(…)");
            case "int" when args.Count == 0:
                return 0L;
            case "int":
                return ToInt(first, args.Count > 1 ? args[1] : keywords.GetValueOrDefault("base", 10L));
            case "float" when args.Count == 0:
                return 0.0;
            case "float" when first is long or bool or double:
                return Convert.ToDouble(first, CultureInfo.InvariantCulture);
            case "str" when args.Count == 0:
                return string.Empty;
            case "str" when args.Count == 1:
                return ToStr(first);
            case "tuple" or "list" or "set" or "frozenset" when args.Count <= 1:
                IReadOnlyList<object?>? items = args.Count == 0 ? [] : Iteration.Items(first);
                return items is null || (name is "set" or "frozenset" && !items.All(PyOperators.IsKnown)) ? new OpaqueValue($"{name}(…)") : name switch
                {
                    "tuple" => new PyTuple(items.ToArray()),
                    "list" => items.ToList(),
                    _ => new HashSet<object?>(items, PyKeyComparer.Instance),
                };
            case "dict" when args.Count == 0 || first is Dictionary<object, object?>:
                var dict = args.Count == 0 ? new Dictionary<object, object?>(PyKeyComparer.Instance) : new Dictionary<object, object?>((Dictionary<object, object?>)first!, PyKeyComparer.Instance);
                foreach (var (key, value) in keywords)
                {
                    dict[key] = value;
                }
                return dict;
            case "range" when args.Count is >= 1 and <= 3 && args.All(a => a is long or bool):
                long[] bounds = args.Select(a => Convert.ToInt64(a, CultureInfo.InvariantCulture)).ToArray();
                return bounds.Length switch
                {
                    1 => new PyRange(0, bounds[0], 1),
                    2 => new PyRange(bounds[0], bounds[1], 1),
                    _ when bounds[2] == 0 => throw new PythonException("ValueError", "range() arg 3 must not be zero"),
                    _ => new PyRange(bounds[0], bounds[1], bounds[2]),
                };
            case "type" when args.Count == 1:
                return TypeChecks.TypeOf(first) ?? new OpaqueValue("type(…)");
            case "staticmethod" or "classmethod" when args.Count == 1:
                return new PyMethodWrapper(name, first);
            case "property" when args.Count >= 1 || keywords.ContainsKey("fget"):
                return new PyMethodWrapper(name, args.Count >= 1 ? first : keywords["fget"]);
            case "enumerate" when Iteration.Items(first) is { } enumerated && (args.Count > 1 ? args[1] : keywords.GetValueOrDefault("start", 0L)) is long start:
                return new PyIterator(enumerated.Select((v, i) => (object?)new PyTuple([start + i, v])).ToList());
            case "zip" when args.Select(Iteration.Items).ToArray() is var lists && lists.All(l => l is not null) && keywords.Count == 0:
                int count = lists.Length == 0 ? 0 : lists.Min(l => l!.Count);
                return new PyIterator(Enumerable.Range(0, count).Select(i => (object?)new PyTuple(lists.Select(l => l![i]).ToArray())).ToList());
            case "map" when args.Count >= 2 && args.Skip(1).Select(Iteration.Items).ToArray() is var sources && sources.All(s => s is not null) && keywords.Count == 0:
                int length = sources.Min(s => s!.Count);
                var mapped = new List<object?>(length);
                for (int i = 0; i < length; i++)
                {
                    mapped.Add(Call(first, sources.Select(s => s![i]).ToArray(), EmptyKeywords, _mapLine));
                }
                return new PyIterator(mapped);
            case "filter" when args.Count == 2 && Iteration.Items(args[1]) is { } candidates:
                var kept = new List<object?>();
                foreach (object? candidate in candidates)
                {
                    switch (PyOperators.Truth(first is null ? candidate : Call(first, [candidate], EmptyKeywords, _mapLine)))
                    {
                        case true: kept.Add(candidate); break;
                        case null: return new OpaqueValue("filter(…)");
                    }
                }
                return new PyIterator(kept);
            case "reversed" when first is PyTuple or List<object?> or string or PyRange && Iteration.Items(first) is { } forward:
                return new PyIterator(forward.Reverse().ToList());
            default:
                return new OpaqueValue($"{name}(…)");
        }
    }

    /// <summary><c>int(x, base)</c> for numbers and strings, with CPython's ValueError text.</summary>
    private static object ToInt(object? value, object? numberBase)
    {
        switch (value)
        {
            case bool b:
                return b ? 1L : 0L;
            case long l:
                return l;
            case double d when double.IsFinite(d) && Math.Abs(d) < 9e18:
                return (long)Math.Truncate(d);
            case string s when numberBase is long radix && radix is 2 or 8 or 10 or 16:
                string text = s.Trim().Replace("_", string.Empty, StringComparison.Ordinal);
                bool negative = text.StartsWith('-');
                string digits = text.TrimStart('+', '-');
                if (radix != 10 && digits.Length > 2 && digits[0] == '0' && char.ToLowerInvariant(digits[1]) == (radix == 16 ? 'x' : radix == 8 ? 'o' : 'b'))
                {
                    digits = digits[2..];
                }
                string valid = "0123456789abcdef"[..(int)radix];
                if (digits.Length == 0 || s.Contains("__", StringComparison.Ordinal) || !digits.All(c => valid.Contains(char.ToLowerInvariant(c))))
                {
                    throw new PythonException("ValueError", $"invalid literal for int() with base {radix}: {PythonRepr.Str(s)}");
                }
                try
                {
                    long parsed = radix == 10 ? long.Parse(digits, CultureInfo.InvariantCulture) : Convert.ToInt64(digits, (int)radix);
                    return negative ? -parsed : parsed;
                }
                catch (OverflowException)
                {
                    return new OpaqueValue("big int");
                }
            default:
                return new OpaqueValue("int(…)");
        }
    }

    /// <summary><c>str(x)</c> for known values, modules, classes, functions and exceptions.</summary>
    private static object ToStr(object? value) => value switch
    {
        string s => s,
        PythonException e => e.Message,
        PyClass c => $"<class '{c.Namespace.GetAttributeOrDefault("__module__")}.{c.QualifiedName}'>",
        ModuleObject or PyExceptionClass or PyBuiltinType => value.ToString() ?? string.Empty,
        _ when PyOperators.IsKnown(value) => PyRepr.Of(value),
        _ => new OpaqueValue("str(…)"),
    };
}

using System.Globalization;
using ActorImport.Model;
using ActorImport.Python.Interpreting.Values;

namespace ActorImport.Python.Interpreting;

// The builtin functions on known values (hasattr, getattr, setattr, isinstance, len, dir…):
// each answers as CPython does when its arguments are known, raises CPython's error when
// CPython would, and gives an opaque value otherwise (a condition over it is then reported).
internal sealed partial class BodyExecution
{
    /// <summary>The line of the <c>map</c>/<c>filter</c> call in progress (its calls report there).</summary>
    private int _mapLine;

    private object? CallBuiltin(string name, IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?> keywords, int line, Scope? scope)
    {
        object? Arg(int i) => i < args.Count ? args[i] : null;
        switch (name)
        {
            case "hasattr" when args.Count == 2:
                return LookupAttribute(args[0], AttributeName(args[1]), out _) switch
                {
                    Lookup.Found => true,
                    Lookup.Missing => false,
                    _ => new OpaqueValue($"hasattr(…, {PyRepr.Of(args[1])})"),
                };
            case "getattr" when args.Count is 2 or 3:
                return LookupAttribute(args[0], AttributeName(args[1]), out object? found) switch
                {
                    Lookup.Found => found,
                    Lookup.Missing when args.Count == 3 => args[2],
                    Lookup.Missing => throw NoAttributeError(args[0], AttributeName(args[1])),
                    _ => new OpaqueValue($"getattr(…, {PyRepr.Of(args[1])})"),
                };
            case "setattr" when args.Count == 3:
                NamespaceOf(args[0])?.SetAttribute(AttributeName(args[1]), args[2]);
                return null;
            case "delattr" when args.Count == 2:
                string deleted = AttributeName(args[1]);
                if (NamespaceOf(args[0]) is ModuleObject ns && !ns.RemoveAttribute(deleted) && LookupAttribute(args[0], deleted, out _) == Lookup.Missing)
                {
                    throw NoAttributeError(args[0], deleted);
                }
                return null;
            case "isinstance" when args.Count == 2 && args[0] is OpaqueValue { BuiltinPath: string path } && args[1] is PyBuiltinType { Name: "type" }:
                return Decided(_attributes.Facts.ModuleAttributes.IsClass(path), "isinstance(…)");
            case "isinstance" when args.Count == 2:
                return Decided(TypeChecks.IsInstance(args[0], args[1]), "isinstance(…)");
            case "issubclass" when args.Count == 2:
                return Decided(TypeChecks.IsSubclass(args[0], args[1]), "issubclass(…)");
            case "callable" when args.Count == 1:
                return Decided(IsCallable(args[0]), "callable(…)");
            case "len" when args.Count == 1:
                return Length(args[0]) ?? (object)new OpaqueValue("len(…)");
            case "vars" when args.Count == 0:
            case "locals" when args.Count == 0:
                return scope is null || scope.IsModule ? new GlobalsView(_module) { NamesKnown = !_attributes.HasUnknownAttributes(_module) } : new OpaqueValue("locals()");
            case "vars" when args.Count == 1:
                return args[0] is ModuleObject module ? new GlobalsView(module) { NamesKnown = !_attributes.HasUnknownAttributes(module) } : new OpaqueValue("vars(…)");
            case "dir":
                return Dir(args.Count == 0 ? scope : null, args.Count == 0 ? null : args[0]);
            case "repr" when args.Count == 1 && PyOperators.IsKnown(args[0]):
                return PyRepr.Of(args[0]);
            case "print":
                return null;
            case "sorted" when args.Count == 1 && !keywords.ContainsKey("key"):
                return Sorted(args[0], keywords.GetValueOrDefault("reverse") is true) ?? (object)new OpaqueValue("sorted(…)");
            case "any" or "all" when args.Count == 1 && Iteration.Items(args[0]) is { } items:
                bool? truth = name == "any" ? AnyTruth(items) : !AnyTruth(items.Select(i => (object?)(PyOperators.Truth(i) is bool b ? !b : null)));
                return Decided(truth, $"{name}(…)");
            case "min" or "max" when args.Count == 1 && Iteration.Items(args[0]) is { Count: > 0 } items && keywords.Count == 0:
                return Sorted(items.ToList(), name == "max") is List<object?> ordered ? ordered[0] : new OpaqueValue($"{name}(…)");
            case "abs" when Arg(0) is long or double:
                return Arg(0) is long l ? (object)Math.Abs(l) : Math.Abs((double)Arg(0)!);
            case "chr" when Arg(0) is long code && code is >= 0 and <= 0x10FFFF:
                return char.ConvertFromUtf32((int)code);
            case "ord" when Arg(0) is string s && s.EnumerateRunes().Count() == 1:
                return (long)s.EnumerateRunes().First().Value;
            case "exec" or "eval" or "compile":
                Report(DiagnosticKind.UndecidedCall, line, $"{name}(…): code built at run time is not run");
                return new OpaqueValue($"{name}(…)");
            default:
                return new OpaqueValue($"{name}(…)");
        }
    }

    private static object Decided(bool? value, string description) => value ?? (object)new OpaqueValue(description);

    private static bool? AnyTruth(IEnumerable<object?> items)
    {
        bool unknown = false;
        foreach (object? item in items)
        {
            bool? t = PyOperators.Truth(item);
            if (t == true)
            {
                return true;
            }
            unknown |= t is null;
        }
        return unknown ? null : false;
    }

    /// <summary>The attribute name argument: a str, else CPython's TypeError.</summary>
    private static string AttributeName(object? name) => name switch
    {
        string s => s,
        OpaqueValue => throw new NotEvaluableException("attribute name not known"),
        _ => throw new PythonException("TypeError", $"attribute name must be string, not '{PyTypeNames.Of(name)}'"),
    };

    private static ModuleObject? NamespaceOf(object? target) => target switch
    {
        ModuleObject m => m,
        PyClass c => c.Namespace,
        PyInstance i => i.Namespace,
        PyFunction f => f.Attributes,
        _ => null,
    };

    private bool? IsCallable(object? value) => value switch
    {
        OpaqueValue { BuiltinPath: string path } when _attributes.Facts.ModuleAttributes.IsClass(path) == true => true,
        PyFunction or PyClass or PyExceptionClass or PyBuiltinType or PyBuiltinFunction or IntrinsicFunction or PyBoundMethod => true,
        PyMethodWrapper { Kind: "staticmethod" or "classmethod" } => true,
        null or bool or long or double or string or PyBytes or PyTuple or List<object?> or Dictionary<object, object?> or HashSet<object?> or ModuleObject or PyRange or PythonException => false,
        PyInstance instance => LookupAttribute(instance.Class, "__call__", out _) switch
        {
            Lookup.Found => true,
            Lookup.Missing => false,
            _ => null,
        },
        _ => null,
    };

    private object? Length(object? value) => value switch
    {
        string s => (long)s.EnumerateRunes().Count(),
        PyBytes b => (long)b.Length,
        PyTuple t => (long)t.Count,
        List<object?> l => (long)l.Count,
        Dictionary<object, object?> d => (long)d.Count,
        HashSet<object?> h => (long)h.Count,
        PyRange r => r.Count,
        GlobalsView g when !_attributes.HasUnknownAttributes(g.Module) => (long)g.Module.AttributeNames().Length,
        null or bool or long or double or ModuleObject or PyFunction or PyClass => throw new PythonException("TypeError", $"object of type '{PyTypeNames.Of(value)}' has no len()"),
        _ => null,
    };

    /// <summary>
    /// <c>dir()</c>: without an argument the sorted names of the current scope; of a module its
    /// PEP 562 <c>__dir__()</c> when defined in source, else its sorted namespace keys (or the
    /// recorded <c>dir()</c> of a built-in module); opaque when names may be missing.
    /// </summary>
    private object? Dir(Scope? scope, object? target)
    {
        if (scope is not null)
        {
            return SortedNames(scope.Locals.AttributeNames());
        }
        if (target is PyInstance or PyClass)
        {
            return DirOfClassOrInstance(target);
        }
        if (target is not ModuleObject module)
        {
            return new OpaqueValue("dir(…)");
        }
        if (module.GetAttributeOrDefault("__dir__") is PyFunction { IsCallable: true } hook)
        {
            object? listed = CallFunction(hook, [], EmptyKeywords, hook.Line);
            return Sorted(listed, reverse: false) ?? (object)new OpaqueValue("dir(…)");
        }
        if (_attributes.RecordedName(module) is string recordedName && _attributes.Facts.ModuleAttributes.TryGetNames(recordedName, out IReadOnlySet<string> names))
        {
            return SortedNames(names);
        }
        return _attributes.HasUnknownAttributes(module) ? new OpaqueValue("dir(…)") : SortedNames(module.AttributeNames());
    }

    /// <summary>
    /// <c>dir()</c> of a class the body defined, or of its instance: the instance's names, every
    /// name along the bases, and what <c>object</c> and a plain class give every class. Opaque
    /// when a base is not known or a metaclass may change it.
    /// </summary>
    private object? DirOfClassOrInstance(object target)
    {
        PyClass cls = target is PyInstance instance ? instance.Class : (PyClass)target;
        bool unknownBase = false;
        List<PyClass> order = Linearize(cls, ref unknownBase);
        if (unknownBase || order.Any(c => c.Namespace.HasAttribute("__dir__") || c.Namespace.HasAttribute("__slots__")))
        {
            return new OpaqueValue("dir(…)");
        }
        var names = new HashSet<string>(StringComparer.Ordinal) { "__dict__", "__module__", "__weakref__", "__doc__" };
        names.UnionWith(Facts.ModuleAttributeTable.ObjectAttributeNames);
        foreach (PyClass c in order)
        {
            names.UnionWith(c.Namespace.AttributeNames().Where(n => n != "__qualname__"));
        }
        if (target is PyInstance withState)
        {
            names.UnionWith(withState.Namespace.AttributeNames());
        }
        return SortedNames(names);
    }

    private static List<object?> SortedNames(IEnumerable<string> names) => names.Order(StringComparer.Ordinal).Cast<object?>().ToList();

    /// <summary><c>sorted(iterable)</c> over mutually comparable known items, else null.</summary>
    private static List<object?>? Sorted(object? iterable, bool reverse)
    {
        if (Iteration.Items(iterable) is not { } items || !items.All(PyOperators.IsKnown))
        {
            return null;
        }
        var list = items.ToList();
        for (int i = 1; i < list.Count; i++)
        {
            if (PyOperators.Compare(list[i], list[0]) is null)
            {
                return null;
            }
        }
        // A stable sort, as Python's; reverse keeps equal items in their original order too.
        var ordered = list.Select((v, i) => (v, i)).OrderBy(p => p.v, Comparer<object?>.Create((a, b) => PyOperators.Compare(a, b) ?? 0));
        return (reverse ? list.Select((v, i) => (v, i)).OrderByDescending(p => p.v, Comparer<object?>.Create((a, b) => PyOperators.Compare(a, b) ?? 0)) : ordered)
            .Select(p => p.v).ToList();
    }

}

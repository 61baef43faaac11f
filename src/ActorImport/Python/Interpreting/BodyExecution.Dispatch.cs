using System.Collections.Frozen;
using ActorImport.Model;
using ActorImport.Python.Interpreting.Values;

namespace ActorImport.Python.Interpreting;

// What a call does, by callee: Python-defined functions and classes, builtins, methods of known
// values, the intrinsics (importlib.import_module, __import__, time.sleep, globals() edits, list
// edits) and exception construction; anything else gives an opaque value.
internal sealed partial class BodyExecution
{
    /// <summary>
    /// Builtins and methods that neither walk their arguments nor copy what they return: one
    /// unit each (charging <c>len(l)</c> the length of <c>l</c> made <c>while i &lt; len(l)</c> quadratic).
    /// </summary>
    private static readonly FrozenSet<string> ConstantWork = new[]
    {
        "len", "isinstance", "issubclass", "hasattr", "getattr", "setattr", "delattr", "callable", "type", "id", "hash",
        "bool", "iter", "next", "object", "super", "vars", "globals", "locals",
        "get", "pop", "setdefault", "popitem", "append", "add", "discard", "remove", "insert", "__getitem__",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A call of a builtin whose argument and result items are charged to the work budget; opaque (reported) when it is spent.</summary>
    private object? ChargedCall(IReadOnlyList<object?> args, int line, string name, Func<object?> call)
    {
        if (ConstantWork.Contains(name))
        {
            return ChargeWork(1, line, $"call of {name}") ? call() : new OpaqueValue($"{name}(…)");
        }
        long work = 1;
        foreach (object? arg in args)
        {
            work += WorkOf(arg);
        }
        if (!ChargeWork(work, line, $"call of {name}"))
        {
            return new OpaqueValue($"{name}(…)");
        }
        object? result = call();
        // A range is lazy: its items are charged when something materialises them.
        return result is PyRange || ChargeWork(WorkOf(result), line, $"result of {name}") ? result : new OpaqueValue($"{name}(…)");
    }

    private object? Call(object? callee, IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?> keywords, int line, Scope? scope = null)
    {
        switch (callee)
        {
            case PyFunction function:
                return CallFunction(function, args, keywords, line);
            case PyBoundMethod method:
                return Call(method.Function, [method.Self, .. args], keywords, line);
            case PyMethodWrapper { Kind: "staticmethod" } wrapper:
                return Call(wrapper.Function, args, keywords, line);
            // Builtins, types and methods of known values do bulk work: the items of their
            // arguments and of their result are charged to the body's work budget.
            case PyBuiltinFunction builtin:
                return ChargedCall(args, line, builtin.Name, () => CallBuiltin(builtin.Name, args, keywords, line, scope));
            case PyBuiltinType type:
                return ChargedCall(args, line, type.Name, () => CallType(type.Name, args, keywords, line));
            case PyValueMethod method:
                return ChargedCall(args, line, method.Name, () => ValueMethods.Call(method, args, keywords));
            case OpaqueValue { Wraps: PyFunction wrapped } opaque:
                Report(DiagnosticKind.UndecidedCall, line, $"call of {opaque.Description}: the decorator's wrapper is not known, so {wrapped.QualifiedName}'s body was not run");
                return new OpaqueValue($"{opaque.Description}(…)");
            case IntrinsicFunction f when f == IntrinsicFunction.ImportModule:
                return CallImportModule(args, keywords, line);
            case IntrinsicFunction f when f == IntrinsicFunction.DunderImport:
                return CallDunderImport(args, keywords, line);
            case IntrinsicFunction f when f == IntrinsicFunction.Sleep:
                if (args.Count == 1 && args[0] is long or double)
                {
                    double seconds = Convert.ToDouble(args[0], System.Globalization.CultureInfo.InvariantCulture);
                    if (_options.HonourSleep && seconds > 0)
                    {
                        Thread.Sleep(TimeSpan.FromSeconds(seconds));
                    }
                    return null;
                }
                return new OpaqueValue("time.sleep(…)");
            case IntrinsicFunction f when f == IntrinsicFunction.Warn:
                return CallWarn(args, keywords, line);
            case IntrinsicFunction f when f == IntrinsicFunction.FsPath:
                return args.Count == 1 && args[0] is string or PyBytes ? args[0] : new OpaqueValue("os.fspath(…)");
            case IntrinsicFunction f when f == IntrinsicFunction.Intern:
                return args.Count == 1 && args[0] is string interned ? interned : new OpaqueValue("sys.intern(…)");
            case IntrinsicFunction f when f == IntrinsicFunction.Globals:
                return new GlobalsView(_module) { NamesKnown = !_attributes.HasUnknownAttributes(_module) };
            case BoundGlobalsMethod { Method: "update" } m when (args.Count == 0 || UpdatePairs(args[0]) is not null):
                foreach (var (key, value) in args.Count == 0 ? [] : UpdatePairs(args[0])!)
                {
                    m.Target.Module.SetAttribute(key, value);
                }
                foreach (var (key, value) in keywords)
                {
                    m.Target.Module.SetAttribute(key, value);
                }
                return null;
            case BoundGlobalsMethod { Method: "get" } m when args.Count >= 1 && args[0] is string key:
                return m.Target.Module.TryGetAttribute(key, out object? found) ? found : (args.Count > 1 ? args[1] : null);
            case BoundGlobalsMethod { Method: "keys" or "values" or "items" or "copy" } m when args.Count == 0 && !_attributes.HasUnknownAttributes(m.Target.Module):
                KeyValuePair<string, object?>[] entries = m.Target.Module.Items();
                return m.Method switch
                {
                    "keys" => entries.Select(kv => (object?)kv.Key).ToList(),
                    "values" => entries.Select(kv => kv.Value).ToList(),
                    "items" => entries.Select(kv => (object?)new PyTuple([kv.Key, kv.Value])).ToList(),
                    _ => entries.ToDictionary(kv => (object)kv.Key, kv => kv.Value, PyKeyComparer.Instance),
                };
            case BoundGlobalsMethod { Method: "keys" or "values" or "items" or "copy" }:
                return new OpaqueValue("globals() view");
            case BoundGlobalsMethod m:
                // update(non-literal), setdefault, pop…: the namespace changes in ways not followed.
                Report(DiagnosticKind.UndecidedImport, line, $"globals().{m.Method}(…): the module may now hold names the interpreter does not know");
                _unknownNames.Mark(m.Target.Module);
                return new OpaqueValue($"globals().{m.Method}(…)");
            case BoundListMethod { Method: "append" } m when args.Count == 1:
                m.Target.Add(args[0]);
                return null;
            case BoundListMethod { Method: "extend" } m when args.Count == 1 && args[0] is PyTuple or List<object?>:
                m.Target.AddRange(args[0] is PyTuple t ? t.Items : ((List<object?>)args[0]!).ToArray());
                return null;
            case BoundListMethod { Method: "insert" } m when args.Count == 2 && args[0] is long index:
                // list.insert clamps the index into [0, len] after adding len to a negative one.
                m.Target.Insert((int)Math.Clamp(index < 0 ? index + m.Target.Count : index, 0, m.Target.Count), args[1]);
                return null;
            case BoundListMethod { Method: "remove" } m when args.Count == 1 && EqualityKnown(args[0]) && m.Target.All(EqualityKnown):
                int position = m.Target.FindIndex(item => PyOperators.AreEqual(item, args[0]));
                if (position < 0)
                {
                    throw new PythonException("ValueError", "list.remove(x): x not in list");
                }
                m.Target.RemoveAt(position);
                return null;
            case BoundListMethod m:
                Report(DiagnosticKind.UndecidedImport, line, $"list.{m.Method} with an argument that is not a literal; the list is left as it was");
                return null;
            case PyExceptionClass exceptionClass:
                return PythonExceptions.Create(exceptionClass.Name, args, keywords);
            case PyClass cls when cls.BuiltinExceptionBase() is not null:
                return new RaisedException(cls, PythonExceptions.MessageOf(args));
            case PyClass cls:
                return Instantiate(cls, args, keywords, line);
            default:
                return new OpaqueValue("call result");
        }
    }

    /// <summary>Whether <c>==</c> on <paramref name="value"/> is decided: known plain values, objects with identity, tuples of these.</summary>
    private static bool EqualityKnown(object? value) =>
        value is PyTuple t ? t.Items.All(EqualityKnown) : PyOperators.IsKnown(value) || PyOperators.HasIdentity(value);

    /// <summary><c>dict.update</c>'s argument as name/value pairs: a dict with str keys, or an iterable of (str, value) pairs; null when not known.</summary>
    private static List<KeyValuePair<string, object?>>? UpdatePairs(object? argument)
    {
        if (argument is Dictionary<object, object?> dict)
        {
            return dict.Keys.All(k => k is string) ? dict.Select(kv => new KeyValuePair<string, object?>((string)kv.Key, kv.Value)).ToList() : null;
        }
        if (Iteration.Items(argument) is not { } items || argument is string)
        {
            return null;
        }
        var pairs = new List<KeyValuePair<string, object?>>();
        foreach (object? item in items)
        {
            if (Iteration.Items(item) is not { Count: 2 } pair || pair[0] is not string key)
            {
                return null;
            }
            pairs.Add(new(key, pair[1]));
        }
        return pairs;
    }

    /// <summary>
    /// <c>importlib.import_module(name, package=None)</c>: resolves a relative name against
    /// <paramref name="args"/>' package (TypeError without one, as importlib raises), imports it
    /// through the callback and returns <c>sys.modules[name]</c>.
    /// </summary>
    private object? CallImportModule(IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?> keywords, int line)
    {
        object? nameArg = args.Count > 0 ? args[0] : keywords.GetValueOrDefault("name");
        object? packageArg = args.Count > 1 ? args[1] : keywords.GetValueOrDefault("package");
        if (nameArg is not string name || packageArg is OpaqueValue)
        {
            Report(DiagnosticKind.UndecidedImport, line, "importlib.import_module with an argument that is not a literal: not imported");
            return new OpaqueValue("importlib.import_module(…)");
        }
        int level = name.TakeWhile(c => c == '.').Count();
        if (level > 0 && packageArg is not string)
        {
            throw new PythonException("TypeError", $"the 'package' argument is required to perform a relative import for {PythonRepr.Str(name)}");
        }
        string absolute = PackageResolution.Resolve(name[level..], packageArg as string, level);
        object? top = _callback.Import(absolute, _module, null, 0);
        return _callback.TryGetSysModule(absolute, out object? module) ? module : WalkSubmodules(top, absolute);
    }

    /// <summary><c>__import__(name, globals=None, locals=None, fromlist=(), level=0)</c>: the callback's value, unchanged.</summary>
    private object? CallDunderImport(IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?> keywords, int line)
    {
        object? nameArg = args.Count > 0 ? args[0] : keywords.GetValueOrDefault("name");
        object? fromArg = args.Count > 3 ? args[3] : keywords.GetValueOrDefault("fromlist");
        object? levelArg = args.Count > 4 ? args[4] : keywords.GetValueOrDefault("level", 0L);
        IReadOnlyList<string>? fromlist = fromArg switch
        {
            null => null,
            PyTuple t when t.Items.All(i => i is string) => t.Items.Cast<string>().ToArray(),
            List<object?> l when l.All(i => i is string) => l.Cast<string>().ToArray(),
            _ => [],
        };
        if (nameArg is not string name || levelArg is not long level || fromArg is OpaqueValue)
        {
            Report(DiagnosticKind.UndecidedImport, line, "__import__ with an argument that is not a literal: not imported");
            return new OpaqueValue("__import__(…)");
        }
        return _callback.Import(name, _module, fromlist is { Count: 0 } ? null : fromlist, (int)level);
    }
}

using ActorImport.Model;
using ActorImport.Python.Interpreting.Values;
using ActorImport.Python.Syntax;

namespace ActorImport.Python.Interpreting;

// Expressions: evaluation over token spans, PEP 810 reification of the names a statement
// reads, and the intrinsic calls (importlib.import_module, __import__, time.sleep, list edits,
// exception construction).
internal sealed partial class BodyExecution
{
    private object? Evaluate(Expression expression, Scope scope) =>
        ExpressionEvaluator.Evaluate(expression.Tokens, new Context(this, scope, expression.Line));

    /// <summary>
    /// PEP 810: before a statement runs, every lazy binding it reads (the parser's
    /// <see cref="Expression.Names"/> of the statement's own expressions, not of nested bodies)
    /// is resolved and rebound, in order of appearance. Annotations are skipped under
    /// <c>from __future__ import annotations</c> (they are not evaluated then).
    /// </summary>
    private void ReifyReferencedNames(Statement statement, Scope scope)
    {
        foreach (Expression expression in ReadExpressions(statement))
        {
            foreach (string name in expression.Names)
            {
                ModuleObject? owner = scope.OwnerOf(name);
                if (owner is not null && owner.TryGetAttribute(name, out object? value) && value is LazyImportProxy proxy)
                {
                    LazyImports.Reify(owner, name, proxy);
                }
            }
        }
    }

    private IEnumerable<Expression> ReadExpressions(Statement statement)
    {
        switch (statement)
        {
            case ExpressionStatement s: yield return s.Value; break;
            case AssignStatement s:
                yield return s.Value;
                foreach (Target t in s.Targets)
                {
                    foreach (Expression e in TargetReads(t))
                    {
                        yield return e;
                    }
                }
                break;
            case AugmentedAssignStatement s:
                yield return s.Value;
                yield return s.Target.Expression;
                break;
            case AnnotatedAssignStatement s:
                if (s.Value is not null)
                {
                    yield return s.Value;
                }
                if (!_futureAnnotations)
                {
                    yield return s.Annotation;
                }
                break;
            case IfStatement s: yield return s.Test; break;
            case WhileStatement s: yield return s.Test; break;
            case ForStatement s: yield return s.Iterable; break;
            case WithStatement s:
                foreach (WithItem item in s.Items)
                {
                    yield return item.Context;
                }
                break;
            case RaiseStatement s:
                if (s.Exception is not null)
                {
                    yield return s.Exception;
                }
                if (s.Cause is not null)
                {
                    yield return s.Cause;
                }
                break;
            case AssertStatement s when _options.Debug:
                yield return s.Test;
                break;
            case MatchStatement s: yield return s.Subject; break;
            case FunctionDefinition s:
                foreach (Expression d in s.Decorators)
                {
                    yield return d;
                }
                foreach (Parameter p in s.Parameters)
                {
                    if (p.Default is not null)
                    {
                        yield return p.Default;
                    }
                    if (p.Annotation is not null && !_futureAnnotations)
                    {
                        yield return p.Annotation;
                    }
                }
                if (s.Returns is not null && !_futureAnnotations)
                {
                    yield return s.Returns;
                }
                break;
            case ClassDefinition s:
                foreach (Expression d in s.Decorators)
                {
                    yield return d;
                }
                foreach (ClassArgument a in s.Arguments)
                {
                    yield return a.Value;
                }
                break;
            case TypeAliasStatement s: yield return s.Value; break;
        }
    }

    private static IEnumerable<Expression> TargetReads(Target target) => target switch
    {
        AttributeTarget a => [a.Object],
        SubscriptTarget s => [s.Object, s.Index],
        SequenceTarget q => q.Elements.SelectMany(TargetReads),
        StarredTarget st => TargetReads(st.Inner),
        _ => [],
    };

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
            case PyBuiltinFunction builtin:
                return CallBuiltin(builtin.Name, args, keywords, line, scope);
            case PyBuiltinType type:
                return CallType(type.Name, args, keywords, line);
            case PyValueMethod method:
                return ValueMethods.Call(method, args, keywords);
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
            throw new PythonException("TypeError", $"the 'package' argument is required to perform a relative import for {PyRepr.String(name)}");
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

    /// <summary>The evaluator's view of one scope. Used by one evaluation at a time.</summary>
    private sealed class Context(BodyExecution execution, Scope scope, int line) : IEvaluationContext
    {
        public bool TryLookup(string name, out object? value)
        {
            ModuleObject? owner = scope.OwnerOf(name);
            if (owner is not null && owner.TryGetAttribute(name, out value))
            {
                if (value is LazyImportProxy proxy)
                {
                    value = LazyImports.Reify(owner, name, proxy);
                }
                return true;
            }
            return execution._attributes.Facts.TryGetBuiltin(name, out value);
        }

        public object? GetAttribute(object? target, string name)
        {
            switch (execution.LookupAttribute(target, name, out object? value))
            {
                case Lookup.Found or Lookup.Unknown:
                    return value;
                case Lookup.Missing when target is not ModuleObject || execution._attributes.IsOpaqueModule((ModuleObject)target):
                    // Decided missing: a class or instance the body built, or a built-in module's recorded dir().
                    throw execution.NoAttributeError(target, name);
            }
            // Python would raise AttributeError here; the namespace the interpreter built may lack
            // names that opaque code bound, so the read is reported and stays unknown instead.
            execution.Report(DiagnosticKind.DynamicAttribute, line, $"{PyRepr.Of(target)} has no known attribute '{name}'");
            return new OpaqueValue($"<missing attribute {name}>");
        }

        public object? GetItem(object? target, object? key)
        {
            if (target is GlobalsView globals && key is string name)
            {
                return globals.Module.TryGetAttribute(name, out object? bound)
                    ? bound
                    : throw new PythonException("KeyError", PyRepr.String(name));
            }
            if (target is SysModulesView && key is string moduleName)
            {
                return execution._callback.TryGetSysModule(moduleName, out object? module)
                    ? module
                    : throw new PythonException("KeyError", PyRepr.String(moduleName));
            }
            return new OpaqueValue("subscript");
        }

        public object? Call(object? callee, IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?> keywords, int line) =>
            execution.Call(callee, args, keywords, line, scope);

        public bool? Contains(object? container, object? item) => container switch
        {
            SysModulesView when item is string name => execution._callback.TryGetSysModule(name, out _),
            _ => null,
        };

        public object? CallWithUnknownArguments(object? callee, int line)
        {
            if (callee is BoundGlobalsMethod globalsMethod)
            {
                // globals().update(<something not known>): names nobody knows may now be bound.
                return execution.Call(globalsMethod, [new OpaqueValue("arguments not known")], new Dictionary<string, object?>(), line, scope);
            }
            if (callee is PyFunction or PyBoundMethod or PyClass { } && callee is not PyClass { Metaclass: not null })
            {
                execution.Report(DiagnosticKind.UndecidedCall, line, $"call of {PyRepr.Of(callee)}: its arguments are not known; not run");
            }
            return new OpaqueValue("call with unknown arguments");
        }
    }
}

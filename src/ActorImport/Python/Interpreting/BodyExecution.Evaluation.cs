using ActorImport.Model;
using ActorImport.Python.Interpreting.Values;
using ActorImport.Python.Syntax;

namespace ActorImport.Python.Interpreting;

// Expressions: evaluation over token spans, PEP 810 reification of the names a statement
// reads, and the evaluator's view of a scope (calls are dispatched in BodyExecution.Dispatch.cs).
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

    /// <summary>The evaluator's view of one scope. Used by one evaluation at a time.</summary>
    private sealed class Context(BodyExecution execution, Scope scope, int line) : IEvaluationContext
    {
        public Exception StackExhausted(int at) => execution._run.Budget.Depth > 0
            ? new BudgetExceededException(execution._fileName, line, "the stack ran low (call depth budget)")
            : new PythonException("RecursionError", "maximum recursion depth exceeded during compilation");

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

        // Decided missing: a class or instance the body built, a built-in module's recorded
        // dir(), or a module whose names are all known (LookupModuleAttribute answers Unknown when
        // opaque code may have bound names). The same decision IMPORT_FROM makes, so `b.x` fails
        // where `from b import x` does, partially initialised modules included (CPython's
        // "most likely due to a circular import" AttributeError).
        public object? GetAttribute(object? target, string name) => execution.LookupAttribute(target, name, out object? value) switch
        {
            Lookup.Missing when value is PythonException hookError => throw hookError,
            Lookup.Missing => throw execution.NoAttributeError(target, name),
            _ => value,
        };

        public object? GetItem(object? target, object? key)
        {
            if (target is GlobalsView globals && key is string name)
            {
                return globals.Module.TryGetAttribute(name, out object? bound)
                    ? bound
                    : throw new PythonException("KeyError", PythonRepr.Str(name));
            }
            if (target is SysModulesView && key is string moduleName)
            {
                return execution._callback.TryGetSysModule(moduleName, out object? module)
                    ? module
                    : throw new PythonException("KeyError", PythonRepr.Str(moduleName));
            }
            return new OpaqueValue("subscript");
        }

        public object? Call(object? callee, IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?> keywords, int line) =>
            execution.Call(callee, args, keywords, line, scope);

        public bool Charge(long units) => execution.ChargeWork(units, line, "expression");

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

using System.Collections.Immutable;
using ActorImport.Model;
using ActorImport.Python.Interpreting.Values;
using ActorImport.Python.Syntax;

namespace ActorImport.Python.Interpreting;

// Calls of functions defined in Python source: argument binding, a new frame over the same run
// (the body's imports happen, its return gives the value, its raise reaches the caller's try),
// closures and global/nonlocal declarations, the call budget; and decorators.
internal sealed partial class BodyExecution
{
    /// <summary>
    /// <c>function(*args, **keywords)</c>. Binding errors are CPython's TypeErrors. A generator or
    /// coroutine function binds its arguments and returns an opaque generator without running
    /// anything (as CPython runs nothing until the first <c>next</c>). A call that runs out of
    /// budget is abandoned at the outermost call: reported, opaque result. A call whose body
    /// reaches a point the interpreter cannot decide is abandoned there (no rule is taken inside
    /// calls): reported once at the call, opaque result; its imports made so far stay made.
    /// </summary>
    internal object? CallFunction(PyFunction function, IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?> keywords, int line)
    {
        if (!function.IsCallable)
        {
            Report(DiagnosticKind.UndecidedCall, line, $"call of {function.QualifiedName}: its body is not known; not run");
            return new OpaqueValue($"{function.QualifiedName}(…)");
        }
        List<KeyValuePair<string, object?>> locals = ArgumentBinding.Bind(function, args, keywords);
        if (function.IsGenerator || function.IsAsync)
        {
            return new OpaqueValue($"{(function.IsAsync ? "coroutine" : "generator")} {function.QualifiedName}()");
        }
        bool outermost = _run.Budget.Depth == 0;
        try
        {
            _run.Budget.Enter(_fileName, line, function.QualifiedName);
            try
            {
                return Invoke(function, locals);
            }
            catch (UndecidedInCallException e)
            {
                InterpreterDiagnostic point = e.Point;
                MarkAbandoned(function);
                Report(DiagnosticKind.UndecidedCall, line, $"call of {function.QualifiedName} abandoned at {point.FileName ?? "<unknown>"}:{point.Line}: {point.Message}; result opaque");
                return new OpaqueValue($"{function.QualifiedName}(…) undecided");
            }
            finally
            {
                _run.Budget.Leave();
            }
        }
        catch (BudgetExceededException e) when (outermost)
        {
            MarkAbandoned(function);
            Report(DiagnosticKind.Budget, line, $"call of {function.QualifiedName} abandoned: {e.Message} at {e.FileName ?? "<unknown>"}:{e.Line}; result opaque");
            return new OpaqueValue($"{function.QualifiedName}(…) over budget");
        }
    }

    /// <summary>
    /// The rest of an abandoned call may have bound names the interpreter never saw — in its own
    /// module (<c>global</c>, <c>globals()</c>) or in the caller's (<c>sys.modules[cls.__module__].__dict__.update</c>,
    /// as enum.global_enum does): both namespaces are marked as holding unknown names, so that
    /// reading a missing name there is opaque rather than an error.
    /// </summary>
    private void MarkAbandoned(PyFunction function)
    {
        _unknownNames.Mark(_module);
        _unknownNames.Mark(function.Globals!);
    }

    /// <summary>Runs the body in a new frame whose globals are the function's <c>__globals__</c>.</summary>
    private object? Invoke(PyFunction function, List<KeyValuePair<string, object?>> arguments)
    {
        var locals = NewNamespace();
        foreach (var (name, value) in arguments)
        {
            locals.SetAttribute(name, value);
        }
        var scope = new Scope(function.Globals!, locals, function.QualifiedName + ".<locals>.", function.Closure, isFunction: true);
        var frame = new BodyExecution(_run, function.Globals!, function.FileName);
        using var pushed = _run.Frames.Push(function.Globals!, function.FileName, function.Line);
        frame._frame = pushed.Frame;
        try
        {
            if (function.LambdaBody is not null)
            {
                return frame.Evaluate(function.LambdaBody, scope);
            }
            DeclareNames(function.Body, scope);
            return frame.ExecuteBlock([.. function.Body], scope) == Flow.Return ? frame._returnValue : null;
        }
        catch (PythonException e) when (_run.Frames.Unwinding(e, pushed.Frame, function.Name))
        {
            throw; // never: the filter only records the traceback entry
        }
    }

    /// <summary>A namespace without the <c>__name__</c> a module would have (function locals, class bodies).</summary>
    private static ModuleObject NewNamespace()
    {
        var ns = new ModuleObject(string.Empty);
        ns.RemoveAttribute("__name__");
        return ns;
    }

    /// <summary>
    /// <c>global</c> and <c>nonlocal</c> apply to the whole function whatever line they stand on
    /// (the compiler decides them): declared before the body runs. Nested defs and classes have
    /// their own.
    /// </summary>
    private static void DeclareNames(IEnumerable<Statement> body, Scope scope)
    {
        foreach (Statement statement in body)
        {
            switch (statement)
            {
                case GlobalStatement g:
                    foreach (string name in g.Names)
                    {
                        scope.DeclareGlobal(name);
                    }
                    break;
                case NonlocalStatement n:
                    foreach (string name in n.Names)
                    {
                        scope.DeclareNonlocal(name);
                    }
                    break;
                case FunctionDefinition or ClassDefinition:
                    break;
                default:
                    foreach (ImmutableArray<Statement> nested in statement.NestedBodies())
                    {
                        DeclareNames(nested, scope);
                    }
                    break;
            }
        }
    }

    /// <summary>True if <c>yield</c> appears in the body outside nested defs and classes (a generator function).</summary>
    private static bool ContainsYield(IEnumerable<Statement> body)
    {
        foreach (Statement statement in body)
        {
            if (statement is FunctionDefinition or ClassDefinition)
            {
                continue;
            }
            foreach (Expression expression in statement.OwnExpressions())
            {
                foreach (var token in expression.Tokens)
                {
                    if (token.Kind == Tokenizing.TokenKind.Name && token.Text == "yield")
                    {
                        return true;
                    }
                }
            }
            if (statement.NestedBodies().Any(ContainsYieldIn))
            {
                return true;
            }
        }
        return false;
    }

    private static bool ContainsYieldIn(ImmutableArray<Statement> body) => ContainsYield(body);

    /// <summary>
    /// Applies decorators as CPython does: all decorator expressions were evaluated first (top to
    /// bottom), then they are called bottom-up. A source-defined decorator runs; one the
    /// interpreter cannot call gives an opaque value that remembers the function it wrapped.
    /// </summary>
    private object? ApplyDecorators(IReadOnlyList<object?> decorators, IReadOnlyList<Expression> texts, object? value, int line)
    {
        PyFunction? wrapped = value as PyFunction;
        for (int i = decorators.Count - 1; i >= 0; i--)
        {
            object? result = Call(decorators[i], [value], EmptyKeywords, line);
            if (result is OpaqueValue opaque && opaque.Wraps is null && (wrapped ?? (value as OpaqueValue)?.Wraps) is PyFunction inner)
            {
                result = new OpaqueValue($"{inner.QualifiedName} decorated by {texts[i].Text}") { Wraps = inner };
            }
            value = result;
        }
        return value;
    }

    private static readonly IReadOnlyDictionary<string, object?> EmptyKeywords = new Dictionary<string, object?>();

    /// <summary>True unless <paramref name="metaclass"/> and its bases (source classes, <c>type</c>, <c>object</c>) are known not to define <c>__call__</c>.</summary>
    private static bool DefinesCall(PyClass metaclass)
    {
        var pending = new Stack<object?>([metaclass]);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case PyClass c when c.Namespace.HasAttribute("__call__"):
                    return true;
                case PyClass c:
                    foreach (object? b in c.Bases)
                    {
                        pending.Push(b);
                    }
                    break;
                case PyBuiltinType { Name: "type" or "object" }:
                    break;
                default:
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// <c>cls(*args)</c> for a class defined in source: a <see cref="PyInstance"/>, with the
    /// <c>__init__</c> found along its bases run on it. A class whose metaclass may define
    /// <c>__call__</c>, or with a <c>__new__</c> of its own, gives an opaque instance (reported:
    /// that code is not run).
    /// </summary>
    private object? Instantiate(PyClass cls, IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?> keywords, int line)
    {
        bool unknownBase = false;
        List<PyClass> order = Linearize(cls, ref unknownBase);
        object? metaclass = order.Select(c => c.Metaclass).FirstOrDefault(m => m is not null);
        bool metaclassCalls = metaclass is not null && !(metaclass is PyClass meta && !DefinesCall(meta));
        if (metaclassCalls || order.Any(c => c.Namespace.HasAttribute("__new__")))
        {
            Report(DiagnosticKind.UndecidedCall, line, $"{cls.QualifiedName}(…): its metaclass or __new__ is not run; the instance is opaque");
            return new OpaqueValue($"instance of {cls.QualifiedName}");
        }
        var instance = new PyInstance(cls);
        foreach (PyClass c in order)
        {
            if (c.Namespace.TryGetAttribute("__init__", out object? init))
            {
                if (init is PyFunction function)
                {
                    CallFunction(function, [instance, .. args], keywords, line);
                }
                else
                {
                    Report(DiagnosticKind.UndecidedCall, line, $"{cls.QualifiedName}(…): its __init__ is not known");
                }
                break;
            }
        }
        return instance;
    }
}

using System.Collections.Immutable;
using ActorImport.Model;
using ActorImport.Python.Interpreting.Values;
using ActorImport.Python.Syntax;

namespace ActorImport.Python.Interpreting;

/// <summary>
/// One run of one module body: executes the statements in order, the way CPython's eval loop
/// would at import time (see <see cref="ModuleInterpreter"/> for the rules). This file holds the
/// dispatch and control flow; imports, bindings, exceptions and evaluation are in the
/// <c>BodyExecution.*.cs</c> parts. Not thread-safe: one instance per execution, used by the
/// thread that owns the module's initialisation.
/// </summary>
internal sealed partial class BodyExecution
{
    private readonly ExecutionRun _run;
    private readonly string? _fileName;
    private readonly ModuleObject _module;
    private readonly IImportCallback _callback;
    private readonly InterpreterOptions _options;
    private readonly AttributeAccess _attributes;
    private readonly UnknownNames _unknownNames;
    private readonly FromImport _fromImport;
    private readonly List<InterpreterDiagnostic> _diagnostics;
    private readonly List<DeferredImport> _deferred;
    private readonly Stack<PythonException> _handling;
    private PyFunction? _moduleGetattr;
    private PyFunction? _moduleDir;
    private int _tryDepth;
    private bool _futureAnnotations;
    private object? _returnValue;

    /// <summary>This frame on its chain's <see cref="ExecutingFrames"/> stack (its line follows the statements run).</summary>
    private ExecutingFrame? _frame;

    /// <summary>A frame of <paramref name="run"/> whose globals are <paramref name="module"/> and whose code comes from <paramref name="fileName"/>.</summary>
    public BodyExecution(ExecutionRun run, ModuleObject module, string? fileName)
    {
        _run = run;
        _fileName = fileName;
        _module = module;
        _callback = run.Callback;
        _options = run.Options;
        _attributes = run.Attributes;
        _unknownNames = run.UnknownNames;
        _fromImport = run.FromImport;
        _diagnostics = run.Diagnostics;
        _deferred = run.Deferred;
        _handling = run.Handling;
    }

    /// <summary>How a block ended: normally, by <c>break</c>/<c>continue</c> that an enclosing loop consumes, or by <c>return</c>.</summary>
    private enum Flow
    {
        Normal,
        Break,
        Continue,
        Return,
    }

    /// <summary>Runs a module body in <paramref name="module"/>'s namespace: the first frame of a new run.</summary>
    public static ExecutionResult RunModule(ModuleCode code, ModuleObject module, ExecutionRun run)
    {
        var frame = new BodyExecution(run, module, code.FileName);
        using var pushed = run.Frames.Push(module, code.FileName, 1);
        frame._frame = pushed.Frame;
        var scope = new Scope(module);
        if (code.Body.Length > 0 && code.Docstring is not null && code.Body[0] is ExpressionStatement doc)
        {
            // The compiler stores __doc__ before the first statement runs.
            module.SetAttribute("__doc__", frame.Evaluate(doc.Value, scope));
        }
        try
        {
            frame.ExecuteBlock(code.Body, scope);
        }
        catch (PythonException e) when (run.Frames.Unwinding(e, pushed.Frame, "<module>"))
        {
            throw; // never: the filter only records the traceback entry
        }
        return new ExecutionResult(run.Diagnostics.ToArray(), run.Deferred.ToArray(), frame._moduleGetattr, frame._moduleDir);
    }

    private void Report(DiagnosticKind kind, int line, string message) => _run.Report(kind, _fileName, line, message);

    /// <summary>The rule a report applies, at module level; inside a call no rule is applied (the call is abandoned), so nothing.</summary>
    private string Rule(string rule) => _run.Budget.Depth == 0 ? rule : string.Empty;

    /// <summary>
    /// Charges <paramref name="units"/> of work to the body's budget (<see cref="CallBudget.Charge"/>);
    /// false, reported, when it is spent at module level (inside a call a spent budget abandons the call).
    /// </summary>
    private bool ChargeWork(long units, int line, string what)
    {
        if (_run.Budget.Charge(units, _fileName, line))
        {
            return true;
        }
        Report(DiagnosticKind.Budget, line, $"{what}: the module body's work budget ({_options.MaxSteps} steps, loop iterations and items) is spent; not done, result opaque");
        return false;
    }

    /// <summary>The items a bulk operation over <paramref name="value"/> touches (0 for scalars and unknown values).</summary>
    private static long WorkOf(object? value) => value switch
    {
        string s => s.Length,
        PyBytes b => b.Value.Length,
        PyTuple t => t.Count,
        List<object?> l => l.Count,
        Dictionary<object, object?> d => d.Count,
        HashSet<object?> h => h.Count,
        PyRange r => Math.Min(r.Count, Iteration.MaxItems),
        _ => 0,
    };

    private Flow ExecuteBlock(ImmutableArray<Statement> block, Scope scope)
    {
        foreach (Statement statement in block)
        {
            _run.Budget.Step(_fileName, statement.Line);
            if (_frame is not null)
            {
                _frame.Line = statement.Line;
            }
            ReifyReferencedNames(statement, scope);
            Flow flow = Execute(statement, scope);
            if (flow != Flow.Normal)
            {
                return flow;
            }
        }
        return Flow.Normal;
    }

    private Flow Execute(Statement statement, Scope scope)
    {
        switch (statement)
        {
            case ImportStatement import:
                ExecuteImport(import, scope);
                return Flow.Normal;
            case ImportFromStatement from:
                ExecuteImportFrom(from, scope);
                return Flow.Normal;
            case ExpressionStatement expression:
                Evaluate(expression.Value, scope);
                return Flow.Normal;
            case AssignStatement assign:
                ExecuteAssign(assign, scope);
                return Flow.Normal;
            case AugmentedAssignStatement augmented:
                ExecuteAugmentedAssign(augmented, scope);
                return Flow.Normal;
            case AnnotatedAssignStatement annotated:
                if (annotated.Value is not null)
                {
                    Assign(annotated.Target, Evaluate(annotated.Value, scope), scope);
                }
                return Flow.Normal;
            case DeleteStatement delete:
                foreach (Target target in delete.Targets)
                {
                    Delete(target, scope);
                }
                return Flow.Normal;
            case GlobalStatement global:
                foreach (string name in global.Names)
                {
                    scope.DeclareGlobal(name);
                }
                return Flow.Normal;
            case NonlocalStatement nonlocal:
                foreach (string name in nonlocal.Names)
                {
                    scope.DeclareNonlocal(name);
                }
                return Flow.Normal;
            case ReturnStatement ret:
                _returnValue = ret.Value is null ? null : Evaluate(ret.Value, scope);
                return Flow.Return;
            case FunctionDefinition function:
                ExecuteFunctionDefinition(function, scope);
                return Flow.Normal;
            case ClassDefinition cls:
                ExecuteClassDefinition(cls, scope);
                return Flow.Normal;
            case IfStatement ifStatement:
                return ExecuteIf(ifStatement, scope);
            case TryStatement tryStatement:
                return ExecuteTry(tryStatement, scope);
            case RaiseStatement raise:
                throw RaiseException(raise, scope);
            case AssertStatement assert:
                ExecuteAssert(assert, scope);
                return Flow.Normal;
            case ForStatement forStatement:
                return ExecuteFor(forStatement, scope);
            case WhileStatement whileStatement:
                return ExecuteWhile(whileStatement, scope);
            case WithStatement with:
                return ExecuteWith(with, scope);
            case MatchStatement match:
                Evaluate(match.Subject, scope);
                Report(DiagnosticKind.UndecidedMatch, match.Line, $"match {match.Subject.Text}: not decided{Rule("; no case was run")}");
                return Flow.Normal;
            case TypeAliasStatement alias:
                Bind(alias.Name, new OpaqueValue($"type alias {alias.Name}"), scope);
                return Flow.Normal;
            case BreakStatement:
                return Flow.Break;
            case ContinueStatement:
                return Flow.Continue;
            default:
                // pass.
                return Flow.Normal;
        }
    }

    /// <summary>
    /// The decision over one condition: its truth, or — when undecided — false, after reporting
    /// it. Undecided-as-false is the documented rule (see <see cref="ModuleInterpreter"/>).
    /// </summary>
    private bool Decide(Expression test, Scope scope, string what)
    {
        bool? truth = PyOperators.Truth(Evaluate(test, scope));
        if (truth is null)
        {
            Report(DiagnosticKind.UndecidedCondition, test.Line, $"{what} {test.Text}: undecided{Rule(", taken as false")}");
            return false;
        }
        return truth.Value;
    }

    private Flow ExecuteIf(IfStatement statement, Scope scope) =>
        Decide(statement.Test, scope, "if")
            ? ExecuteBlock(statement.Body, scope)
            : ExecuteBlock(statement.OrElse, scope);

    private void ExecuteAssert(AssertStatement statement, Scope scope)
    {
        if (!_options.Debug)
        {
            return;
        }
        bool? truth = PyOperators.Truth(Evaluate(statement.Test, scope));
        if (truth == false)
        {
            object? message = statement.Message is null ? null : Evaluate(statement.Message, scope);
            throw new PythonException("AssertionError", message is null ? string.Empty : PythonExceptions.MessageOf([message]));
        }
        if (truth is null)
        {
            Report(DiagnosticKind.UndecidedCondition, statement.Line, $"assert {statement.Test.Text}: undecided{Rule(", taken as passing")}");
        }
    }

    private Flow ExecuteFor(ForStatement statement, Scope scope)
    {
        object? iterable = Evaluate(statement.Iterable, scope);
        IReadOnlyList<object?>? items = Iteration.Items(iterable);
        if (items is null || statement.IsAsync)
        {
            Report(DiagnosticKind.UndecidedLoop, statement.Line, $"for … in {statement.Iterable.Text}: the items are not known{Rule("; body not run, target bound to an opaque value")}");
            // Code after a loop relies on the loop variable (`del k`): bind it as if one unknown item ran.
            Assign(statement.Target, new OpaqueValue($"item of {statement.Iterable.Text}"), scope);
            return Flow.Normal;
        }
        if (!ChargeWork(items.Count, statement.Line, $"for … in {statement.Iterable.Text}: {items.Count} items"))
        {
            Assign(statement.Target, new OpaqueValue($"item of {statement.Iterable.Text}"), scope);
            return Flow.Normal;
        }
        int count = 0;
        foreach (object? item in items)
        {
            if (++count > _options.MaxLoopIterations && _run.Budget.Depth == 0)
            {
                Report(DiagnosticKind.UndecidedLoop, statement.Line, $"for loop exceeded {_options.MaxLoopIterations} iterations; left");
                return Flow.Normal;
            }
            if (!ChargeWork(1, statement.Line, "for loop left"))
            {
                return Flow.Normal;
            }
            Assign(statement.Target, item, scope);
            Flow flow = ExecuteBlock(statement.Body, scope);
            if (flow == Flow.Break)
            {
                return Flow.Normal;
            }
            if (flow == Flow.Return)
            {
                return flow;
            }
        }
        return ExecuteBlock(statement.OrElse, scope);
    }

    private Flow ExecuteWhile(WhileStatement statement, Scope scope)
    {
        for (int count = 0; ; count++)
        {
            if (count >= _options.MaxLoopIterations && _run.Budget.Depth == 0)
            {
                Report(DiagnosticKind.UndecidedLoop, statement.Line, $"while loop exceeded {_options.MaxLoopIterations} iterations; left");
                return Flow.Normal;
            }
            if (!ChargeWork(1, statement.Line, "while loop left"))
            {
                return Flow.Normal;
            }
            if (!Decide(statement.Test, scope, "while"))
            {
                return ExecuteBlock(statement.OrElse, scope);
            }
            Flow flow = ExecuteBlock(statement.Body, scope);
            if (flow == Flow.Break)
            {
                return Flow.Normal;
            }
            if (flow == Flow.Return)
            {
                return flow;
            }
            _run.Budget.Step(_fileName, statement.Line);
        }
    }

}

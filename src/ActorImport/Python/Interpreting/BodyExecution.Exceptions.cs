using ActorImport.Model;
using ActorImport.Python.Interpreting.Values;
using ActorImport.Python.Syntax;

namespace ActorImport.Python.Interpreting;

// try/except/else/finally and raise. Exceptions are PythonException instances: those of nested
// imports (ImportError, ModuleNotFoundError from the callback), those a raise creates, and the
// interpreter's own (NameError, KeyError…). Handlers match by class with BuiltinExceptionTypes.
internal sealed partial class BodyExecution
{
    private Flow ExecuteTry(TryStatement statement, Scope scope)
    {
        Flow flow;
        try
        {
            PythonException? caught = null;
            _tryDepth++;
            try
            {
                flow = ExecuteBlock(statement.Body, scope);
            }
            catch (PythonException exception)
            {
                caught = exception;
                flow = Flow.Normal;
            }
            finally
            {
                _tryDepth--;
            }
            if (caught is not null)
            {
                flow = Handle(statement, caught, scope);
            }
            else if (flow == Flow.Normal)
            {
                flow = ExecuteBlock(statement.OrElse, scope);
            }
        }
        catch (PythonException) when (!statement.FinalBody.IsEmpty)
        {
            // The exception leaves through finally; a return/break in finally would swallow it.
            Flow finalFlow = ExecuteBlock(statement.FinalBody, scope);
            if (finalFlow != Flow.Normal)
            {
                return finalFlow;
            }
            throw;
        }
        if (!statement.FinalBody.IsEmpty)
        {
            Flow finalFlow = ExecuteBlock(statement.FinalBody, scope);
            if (finalFlow != Flow.Normal)
            {
                return finalFlow;
            }
        }
        return flow;
    }

    /// <summary>Runs the first handler whose class matches; rethrows when none does.</summary>
    private Flow Handle(TryStatement statement, PythonException exception, Scope scope)
    {
        foreach (ExceptHandler handler in statement.Handlers)
        {
            if (handler.Type is not null)
            {
                object? handlerClass = Evaluate(handler.Type, scope);
                bool? matches = PythonExceptions.Matches(exception, handlerClass);
                if (matches is null)
                {
                    Report(DiagnosticKind.UndecidedCondition, handler.Position.Line, $"except {handler.Type.Text}: cannot tell whether {exception.TypeName} matches{Rule("; taken as not matching")}");
                }
                if (matches != true)
                {
                    continue;
                }
            }
            if (handler.Name is not null)
            {
                Bind(handler.Name, exception, scope);
            }
            _handling.Push(exception);
            try
            {
                return ExecuteBlock(handler.Body, scope);
            }
            finally
            {
                _handling.Pop();
                if (handler.Name is not null)
                {
                    // CPython deletes the "as" name when the handler ends.
                    scope.TargetOf(handler.Name).RemoveAttribute(handler.Name);
                }
            }
        }
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception).Throw();
        return Flow.Normal;
    }

    /// <summary>
    /// <c>raise</c>: bare re-raises the exception being handled; a built-in class or an instance
    /// keeps its type and message; a class the body defined keeps its class (<see cref="RaisedException"/>).
    /// <c>from cause</c> is evaluated and otherwise ignored. An operand the interpreter cannot
    /// evaluate raises <c>Exception</c> with the expression's text, after a report.
    /// </summary>
    private Exception RaiseException(RaiseStatement statement, Scope scope)
    {
        if (statement.Exception is null)
        {
            return _handling.Count > 0 ? _handling.Peek() : new PythonException("RuntimeError", "No active exception to reraise");
        }
        object? value = Evaluate(statement.Exception, scope);
        if (statement.Cause is not null)
        {
            Evaluate(statement.Cause, scope);
        }
        switch (value)
        {
            case PythonException exception:
                return exception;
            case PyExceptionClass builtin:
                return PythonExceptions.Create(builtin.Name, []);
            case PyClass cls when cls.BuiltinExceptionBase() is not null:
                return new RaisedException(cls, string.Empty);
            default:
                Report(DiagnosticKind.UndecidedCondition, statement.Line, $"raise {statement.Exception.Text}: the exception is not known; raised as Exception");
                return new PythonException("Exception", statement.Exception.Text);
        }
    }
}

using ActorImport.Model;
using ActorImport.Python.Interpreting.Values;
using ActorImport.Python.Syntax;

namespace ActorImport.Python.Interpreting;

// The with statement: source-defined context managers are entered and exited.
internal sealed partial class BodyExecution
{
    /// <summary>
    /// <c>with</c>: each context expression is evaluated (its imports run). A manager the body
    /// defined in source (an instance whose class has <c>__enter__</c> and <c>__exit__</c>) is
    /// entered and exited as CPython does, and its <c>__exit__</c> may swallow the body's
    /// exception. Any other manager is not entered: its <c>as</c> target is opaque, the body runs,
    /// and exceptions pass through (it is not known to suppress them). An opaque manager (a C
    /// call's result, e.g. <c>os.scandir(x)</c>, which CPython may refuse with a TypeError) is
    /// reported, since running the body assumes the call and its <c>__enter__</c> succeeded.
    /// </summary>
    private Flow ExecuteWith(WithStatement statement, Scope scope) => ExecuteWithItems(statement, 0, scope);

    private Flow ExecuteWithItems(WithStatement statement, int index, Scope scope)
    {
        if (index == statement.Items.Length)
        {
            return ExecuteBlock(statement.Body, scope);
        }
        WithItem item = statement.Items[index];
        object? manager = Evaluate(item.Context, scope);
        if (statement.IsAsync || manager is not PyInstance
            || LookupAttribute(manager, "__enter__", out object? enter) != Lookup.Found
            || LookupAttribute(manager, "__exit__", out object? exit) != Lookup.Found)
        {
            if (manager is OpaqueValue)
            {
                Report(DiagnosticKind.UndecidedCall, statement.Line, $"with {item.Context.Text}: an opaque context manager; the body runs as if it and its __enter__ succeeded and __exit__ swallows nothing");
            }
            if (item.Target is not null)
            {
                Assign(item.Target, new OpaqueValue($"{item.Context.Text}.__enter__()"), scope);
            }
            return ExecuteWithItems(statement, index + 1, scope);
        }
        object? entered = Call(enter, [], EmptyKeywords, statement.Line, scope);
        if (item.Target is not null)
        {
            Assign(item.Target, entered, scope);
        }
        Flow flow;
        try
        {
            flow = ExecuteWithItems(statement, index + 1, scope);
        }
        catch (PythonException exception)
        {
            object? kind = exception is RaisedException raised ? raised.PythonClass : new PyExceptionClass(exception.TypeName);
            bool? suppress = PyOperators.Truth(Call(exit, [kind, exception, null], EmptyKeywords, statement.Line, scope));
            if (suppress == true)
            {
                return Flow.Normal;
            }
            if (suppress is null)
            {
                Report(DiagnosticKind.UndecidedCondition, statement.Line, $"with {item.Context.Text}: whether __exit__ swallows {exception.TypeName} is not known{Rule("; taken as not")}");
            }
            throw;
        }
        Call(exit, [null, null, null], EmptyKeywords, statement.Line, scope);
        return flow;
    }
}

namespace ActorImport.Python.Interpreting;

/// <summary>
/// What <see cref="ExpressionEvaluator"/> asks of the statement executor: name lookup (locals,
/// globals, builtins), attribute reads, calls and subscripts that may touch the import system.
/// Implementations are used by one executing body at a time.
/// </summary>
internal interface IEvaluationContext
{
    /// <summary>
    /// The thread's stack ran low while evaluating (deeply nested calls of Python functions):
    /// inside a call this abandons the call as over budget, as <see cref="CallBudget"/> does; at
    /// module level it is CPython's compile-time RecursionError.
    /// </summary>
    Exception StackExhausted(int line) => new Model.PythonException("RecursionError", "maximum recursion depth exceeded during compilation");

    /// <summary>
    /// Charges <paramref name="units"/> of work (a comprehension iteration, the items of a
    /// repetition) to the body's work budget; false when it is spent at module level (the
    /// expression is then opaque). Inside a call a spent budget abandons the call.
    /// </summary>
    bool Charge(long units) => true;

    /// <summary>The value bound to <paramref name="name"/>; false when unbound (the result is then opaque).</summary>
    bool TryLookup(string name, out object? value);

    /// <summary><c>getattr(target, name)</c>, an <see cref="Values.OpaqueValue"/> when unknown.</summary>
    object? GetAttribute(object? target, string name);

    /// <summary><c>target[key]</c> for targets the interpreter knows but the evaluator does not (<c>sys.modules</c>).</summary>
    object? GetItem(object? target, object? key);

    /// <summary>Calls a function: Python-defined ones run, builtins and intrinsics (imports, sleep, list edits) are evaluated; opaque for anything else.</summary>
    object? Call(object? callee, IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?> keywords, int line);

    /// <summary><c>item in container</c> for containers the interpreter knows but the evaluator does not (<c>sys.modules</c>); null when undecided.</summary>
    bool? Contains(object? container, object? item);

    /// <summary>A call whose arguments could not be evaluated (an opaque <c>*args</c>, a generator expression…): not made, reported when it would have run Python code.</summary>
    object? CallWithUnknownArguments(object? callee, int line);
}

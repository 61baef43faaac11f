namespace ActorImport.Python.Interpreting;

/// <summary>
/// Thrown when a body running inside a call reaches a point the interpreter cannot decide (a
/// condition, a loop over an unknown iterable, a match…). At module level such a point is
/// reported and the documented rule applies (see <see cref="ModuleInterpreter"/>); inside a call
/// no rule is taken: the innermost call is abandoned, reported once, and its result is opaque —
/// its imports made so far stay made. Not a Python exception: no <c>except</c> clause catches it
/// and no <c>finally</c> body runs while it unwinds.
/// </summary>
internal sealed class UndecidedInCallException(InterpreterDiagnostic point) : Exception(point.Message)
{
    /// <summary>The point that could not be decided.</summary>
    public InterpreterDiagnostic Point { get; } = point;
}

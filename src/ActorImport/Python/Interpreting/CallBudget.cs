namespace ActorImport.Python.Interpreting;

/// <summary>
/// The budget that keeps a called body from running away: how deep calls of Python-defined
/// functions may nest (<see cref="InterpreterOptions.MaxCallDepth"/>) and how many statements
/// one call made from module level may execute, nested calls and loop iterations included
/// (<see cref="InterpreterOptions.MaxSteps"/>). Hitting either abandons that outermost call:
/// its result is opaque, a report names the file and line where the budget ran out, and the
/// module body goes on. Not thread-safe: owned by one <see cref="ExecutionRun"/>.
/// </summary>
internal sealed class CallBudget(InterpreterOptions options)
{
    private long _steps;

    /// <summary>Calls of Python-defined functions in progress (0 while module-level code runs).</summary>
    public int Depth { get; private set; }

    /// <summary>Enters a call; throws <see cref="BudgetExceededException"/> when it would nest too deep.</summary>
    public void Enter(string? fileName, int line, string callee)
    {
        if (Depth >= options.MaxCallDepth || !System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new BudgetExceededException(fileName, line, $"call of {callee} would exceed the call depth budget ({options.MaxCallDepth})");
        }
        if (Depth == 0)
        {
            _steps = 0;
        }
        Depth++;
    }

    public void Leave() => Depth--;

    /// <summary>Counts one statement executed inside a call; throws when the step budget is spent.</summary>
    public void Step(string? fileName, int line)
    {
        if (Depth > 0 && ++_steps > options.MaxSteps)
        {
            throw new BudgetExceededException(fileName, line, $"the call executed more than {options.MaxSteps} statements (step budget)");
        }
    }
}

/// <summary>
/// Thrown when a call runs out of budget; unwinds to the outermost call, which reports it and
/// gives an opaque result. Not a Python exception: no <c>except</c> clause catches it and no
/// <c>finally</c> body runs while it unwinds (the code it abandons is not Python's business).
/// </summary>
internal sealed class BudgetExceededException(string? fileName, int line, string message) : Exception(message)
{
    public string? FileName { get; } = fileName;

    public int Line { get; } = line;
}

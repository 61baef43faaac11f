namespace ActorImport.Python.Interpreting;

/// <summary>
/// The budget that keeps a module body and the calls it makes from running away: how deep calls
/// of Python-defined functions may nest (<see cref="InterpreterOptions.MaxCallDepth"/>), how much
/// work the whole body may do (<see cref="InterpreterOptions.MaxSteps"/>) and how many statements
/// one call made from module level may execute (a tenth of that, <see cref="CallShare"/>, so
/// that a few expensive calls — InterpreterSecurityTests' hostile body calls subprocess.run,
/// shutil.rmtree, tempfile.mkstemp — leave the rest of the body most of its budget). The body's work counts every
/// statement, every loop and comprehension iteration (at module level and in calls, so nested
/// loops add up instead of multiplying per-loop bounds) and the items of bulk operations
/// (materialised ranges, copies, repetitions, joins). Hitting a limit inside a call abandons the
/// outermost call: its result is opaque, a report names the file and line where the budget ran
/// out, and the module body goes on. At module level a spent body budget leaves loops and makes
/// bulk results opaque (reported), so the rest of the body runs straight-line code only: the
/// import completes (open item 10 of docs/reliability.md's Fuzzing section, closed).
/// Invariant: work done by one body execution ≤ MaxSteps plus what one straight-line pass over
/// its statements costs once the budget is spent. Not thread-safe: owned by one <see cref="ExecutionRun"/>.
/// </summary>
internal sealed class CallBudget(InterpreterOptions options)
{
    /// <summary>The share of the body's budget one call made from module level may spend: 1/CallShare.</summary>
    public const int CallShare = 10;

    private long _steps;

    /// <summary>Statements one call made from module level may execute, nested calls included.</summary>
    private long CallSteps => Math.Max(1, options.MaxSteps / CallShare);

    /// <summary>Work units of the whole body execution so far (statements, iterations, items).</summary>
    private long _bodyWork;

    /// <summary>Whether the body's work budget is spent.</summary>
    public bool BodySpent => _bodyWork > options.MaxSteps;

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
        _bodyWork++;
        if (Depth > 0 && ++_steps > CallSteps)
        {
            throw new BudgetExceededException(fileName, line, $"the call executed more than {CallSteps} statements (step budget: a tenth of max-steps)");
        }
        ThrowInCallWhenSpent(fileName, line);
    }

    /// <summary>
    /// Charges <paramref name="units"/> of work (one loop iteration, or the items a bulk operation
    /// touches) to the body's budget. False when the budget is spent at module level (the caller
    /// leaves its loop or gives an opaque result); inside a call a spent budget abandons the call.
    /// </summary>
    public bool Charge(long units, string? fileName, int line)
    {
        _bodyWork = units >= long.MaxValue - _bodyWork ? long.MaxValue : _bodyWork + Math.Max(0, units);
        ThrowInCallWhenSpent(fileName, line);
        return !BodySpent;
    }

    private void ThrowInCallWhenSpent(string? fileName, int line)
    {
        if (Depth > 0 && BodySpent)
        {
            throw new BudgetExceededException(fileName, line, $"the module body's work budget is spent (step budget: {options.MaxSteps} statements, loop iterations and items)");
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

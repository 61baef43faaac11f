using ActorImport.Python.Interpreting.Values;

namespace ActorImport.Python.Interpreting;

/// <summary>
/// What every frame of one module execution shares: the collaborators, the reports, the
/// deferred imports, the exception being handled (Python's per-thread <c>exc_info</c>) and the
/// call budget. The module body is the first frame; each call of a Python-defined function
/// made while it runs is another <see cref="BodyExecution"/> over the same run.
/// Not thread-safe: one run per module execution, used by the thread that owns it.
/// </summary>
internal sealed class ExecutionRun
{
    private readonly Action<InterpreterDiagnostic>? _onDiagnostic;

    public ExecutionRun(IImportCallback callback, InterpreterOptions options, KnownModuleFacts facts, UnknownNames unknownNames, ExecutingFrames frames, Action<InterpreterDiagnostic>? onDiagnostic)
    {
        Frames = frames;
        Callback = callback;
        Options = options;
        UnknownNames = unknownNames;
        Attributes = new AttributeAccess(facts, unknownNames);
        FromImport = new FromImport(callback, Attributes, this);
        Budget = new CallBudget(options);
        _onDiagnostic = onDiagnostic;
    }

    public IImportCallback Callback { get; }

    /// <summary>The executing frames of every chain (this run's frames are pushed on its own chain's stack).</summary>
    public ExecutingFrames Frames { get; }

    public InterpreterOptions Options { get; }

    public UnknownNames UnknownNames { get; }

    public AttributeAccess Attributes { get; }

    public FromImport FromImport { get; }

    public CallBudget Budget { get; }

    public List<InterpreterDiagnostic> Diagnostics { get; } = [];

    public List<DeferredImport> Deferred { get; } = [];

    /// <summary>The exceptions being handled (innermost on top): what a bare <c>raise</c> re-raises.</summary>
    public Stack<Model.PythonException> Handling { get; } = new();

    /// <summary>
    /// PEP 562: calls <paramref name="module"/>'s <c>__getattr__(name)</c> when the body defined
    /// it in source. True with the value it returned; false when there is no hook or it raised
    /// AttributeError (then <paramref name="value"/> is that exception); null when the hook is something the interpreter cannot call. Any other
    /// exception of the hook propagates, as it does in CPython.
    /// </summary>
    public bool? TryModuleGetattr(Model.ModuleObject module, string name, out object? value)
    {
        value = null;
        if (!module.TryGetAttribute("__getattr__", out object? hook))
        {
            return false;
        }
        if (hook is not PyFunction { IsCallable: true } function)
        {
            return null;
        }
        try
        {
            value = new BodyExecution(this, function.Globals!, function.FileName).CallFunction(function, [name], new Dictionary<string, object?>(), function.Line);
            return true;
        }
        catch (Model.PythonException e) when (e.IsInstanceOf("AttributeError"))
        {
            // The hook's own AttributeError is what CPython raises for the attribute read.
            value = e;
            return false;
        }
    }

    /// <summary>
    /// Records a report. A point where module-level code would take a rule instead of a decision
    /// (an undecided condition, a loop or match not run, an unbound name ignored) abandons the
    /// call in progress instead, when there is one (<see cref="UndecidedInCallException"/>).
    /// </summary>
    public void Report(DiagnosticKind kind, string? fileName, int line, string message)
    {
        if (Budget.Depth > 0 && kind is DiagnosticKind.UndecidedCondition or DiagnosticKind.UndecidedLoop or DiagnosticKind.UndecidedMatch or DiagnosticKind.UnboundName)
        {
            throw new UndecidedInCallException(new InterpreterDiagnostic(kind, fileName, line, message));
        }
        var diagnostic = new InterpreterDiagnostic(kind, fileName, line, message);
        Diagnostics.Add(diagnostic);
        _onDiagnostic?.Invoke(diagnostic);
    }
}

using ActorImport.Python.Interpreting.Values;

namespace ActorImport.Python.Interpreting;

/// <summary>
/// What a module body left besides its namespace: the reports of what the interpreter could not
/// decide, the imports recorded inside function bodies, and the PEP 562 hooks it defined.
/// Built by one execution, then read-only; safe to share once returned.
/// </summary>
public sealed class ExecutionResult
{
    internal ExecutionResult(IReadOnlyList<InterpreterDiagnostic> diagnostics, IReadOnlyList<DeferredImport> deferredImports, PyFunction? moduleGetattr, PyFunction? moduleDir)
    {
        Diagnostics = diagnostics;
        DeferredImports = deferredImports;
        ModuleGetattr = moduleGetattr;
        ModuleDir = moduleDir;
    }

    public IReadOnlyList<InterpreterDiagnostic> Diagnostics { get; }

    /// <summary>Imports inside every <c>def</c> of the body (nested ones included), with their lines; recorded, not run.</summary>
    public IReadOnlyList<DeferredImport> DeferredImports { get; }

    /// <summary>The module-level <c>def __getattr__</c> (PEP 562), if the body defined one.</summary>
    public PyFunction? ModuleGetattr { get; }

    /// <summary>The module-level <c>def __dir__</c> (PEP 562), if the body defined one.</summary>
    public PyFunction? ModuleDir { get; }
}

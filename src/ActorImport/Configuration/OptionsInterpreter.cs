using Microsoft.Extensions.Configuration;

namespace ActorImport.Configuration;

/// <summary>
/// <c>actor-import.interpreter</c>: the budget that keeps import-time code from running away
/// (see <see cref="Python.Interpreting.InterpreterOptions.WithBudget"/>). Thread-safety: as
/// <see cref="ActorImportOptions"/>.
/// </summary>
public sealed class InterpreterBudgetOptions
{
    /// <summary><c>max-call-depth</c>: how deep calls of Python-defined functions may nest at import time. Default 100.</summary>
    [ConfigurationKeyName("max-call-depth")]
    public int MaxCallDepth { get; set; } = 100;

    /// <summary><c>max-steps</c>: the work of one module body execution (statements, calls included, loop and comprehension iterations, items of bulk operations); one call from module level may execute a tenth of it. Default 2000000.</summary>
    [ConfigurationKeyName("max-steps")]
    public int MaxSteps { get; set; } = 2_000_000;

    /// <summary><c>max-loop-iterations</c>: iterations of one module-level loop. Default 10000.</summary>
    [ConfigurationKeyName("max-loop-iterations")]
    public int MaxLoopIterations { get; set; } = 10_000;
}

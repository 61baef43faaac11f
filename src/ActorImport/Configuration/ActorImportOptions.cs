using Microsoft.Extensions.Configuration;

namespace ActorImport.Configuration;

/// <summary>
/// Every setting under <c>actor-import { … }</c> (see <c>akka.hocon</c> at the repository root,
/// whose values these defaults repeat). Actor settings (dispatcher, ask timeout, test time factor)
/// are Akka.NET's own and live in the file's <c>akka</c> section (<see cref="AkkaSection"/>).
/// Thread-safety: a plain settings bag; fill it on one
/// thread (binding), then treat it as read-only and share it freely.
/// </summary>
public sealed class ActorImportOptions
{
    /// <summary>The configuration section: <c>actor-import</c>.</summary>
    public const string SectionName = "actor-import";

    public SearchOptions Search { get; set; } = new();

    public PythonOptions Python { get; set; } = new();

    public BytecodeOptions Bytecode { get; set; } = new();

    [ConfigurationKeyName("lazy-imports")]
    public LazyImportsOptions LazyImports { get; set; } = new();

    public TraceOptions Trace { get; set; } = new();

    public TimeoutsOptions Timeouts { get; set; } = new();

    public EngineOptions Engine { get; set; } = new();

    public InterpreterBudgetOptions Interpreter { get; set; } = new();
}

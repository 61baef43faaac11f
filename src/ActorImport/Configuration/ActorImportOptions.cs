using Microsoft.Extensions.Configuration;

namespace ActorImport.Configuration;

/// <summary>
/// Every setting under <c>actor-import { … }</c> (see <c>akka.hocon</c> at the repository root,
/// whose values these defaults repeat). Thread-safety: a plain settings bag; fill it on one
/// thread (binding), then treat it as read-only and share it freely.
/// </summary>
public sealed class ActorImportOptions
{
    /// <summary>The configuration section: <c>actor-import</c>.</summary>
    public const string SectionName = "actor-import";

    public DispatcherOptions Dispatcher { get; set; } = new();

    /// <summary><c>ask-timeout</c>: how long an ask to an actor may take. Finite and positive. Default 5s.</summary>
    [ConfigurationKeyName("ask-timeout")]
    public TimeSpan AskTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public SearchOptions Search { get; set; } = new();

    public PythonOptions Python { get; set; } = new();

    public BytecodeOptions Bytecode { get; set; } = new();

    [ConfigurationKeyName("lazy-imports")]
    public LazyImportsOptions LazyImports { get; set; } = new();

    public TraceOptions Trace { get; set; } = new();

    [ConfigurationKeyName("test-kit")]
    public TestKitOptions TestKit { get; set; } = new();

    public TimeoutsOptions Timeouts { get; set; } = new();

    public InterpreterBudgetOptions Interpreter { get; set; } = new();
}

using ActorImport.Configuration;
using ActorImport.Python.Interpreting;
using ActorImport.Tests.Configuration;

namespace ActorImport.Tests.Python.Interpreting;

/// <summary><c>actor-import.interpreter</c> in akka.hocon reaches <see cref="InterpreterOptions"/>; the option classes' defaults are the file's.</summary>
public class InterpreterBudgetConfigurationTests
{
    private static readonly string RootHocon = Path.Combine(HoconTestSupport.RepositoryRoot(), "akka.hocon");

    [Fact]
    public void TheFilesBudgetIsTheDefault()
    {
        var fromFile = ActorImportConfiguration.Bind(ActorImportConfiguration.Build(RootHocon, [], new Dictionary<string, string?>()));
        InterpreterOptions options = InterpreterOptions.Default.WithBudget(fromFile.Interpreter);
        Assert.Equal(InterpreterOptions.Default, options);
        Assert.Equal(new InterpreterBudgetOptions().MaxSteps, fromFile.Interpreter.MaxSteps);
    }

    [Fact]
    public void ASwitchOverridesTheBudget()
    {
        var configured = ActorImportConfiguration.Bind(ActorImportConfiguration.Build(RootHocon, ["--set", "interpreter.max-call-depth=7", "--set", "interpreter.max-steps=500"], new Dictionary<string, string?>()));
        InterpreterOptions options = InterpreterOptions.Default.WithBudget(configured.Interpreter);
        Assert.Equal(7, options.MaxCallDepth);
        Assert.Equal(500, options.MaxSteps);
    }
}

using ActorImport.Actors;
using ActorImport.Configuration;

namespace ActorImport.Tests.Configuration;

public class ActorSystemSettingsFromOptionsTests
{
    [Fact]
    public void TheRootFileAndItsOverridesReachTheActorSystem()
    {
        string file = Path.Combine(HoconTestSupport.RepositoryRoot(), ActorImportConfiguration.DefaultFileName);
        var environment = new Dictionary<string, string?> { ["ACTORIMPORT__ask_timeout"] = "750ms" };
        var options = ActorImportConfiguration.Bind(ActorImportConfiguration.Build(file, ["--set", "dispatcher.throughput=7"], environment));

        using var system = ActorSystem.Create("configured", options.ToActorSystemSettings());

        Assert.Equal(7, system.Settings.Throughput);
        Assert.Equal(TimeSpan.FromMilliseconds(750), system.Settings.AskTimeout);
    }

    [Fact]
    public void DefaultsOfTheRootFileMatchTheKernelsDefaults()
    {
        string file = Path.Combine(HoconTestSupport.RepositoryRoot(), ActorImportConfiguration.DefaultFileName);
        var options = ActorImportConfiguration.Bind(ActorImportConfiguration.Build(file, [], new Dictionary<string, string?>()));
        var fromFile = options.ToActorSystemSettings();
        var builtIn = new ActorSystemSettings();
        Assert.Equal(builtIn.Throughput, fromFile.Throughput);
        Assert.Equal(builtIn.AskTimeout, fromFile.AskTimeout);
    }
}

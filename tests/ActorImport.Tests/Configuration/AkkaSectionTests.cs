using ActorImport.Configuration;
using Akka.Configuration;
using Microsoft.Extensions.Options;

namespace ActorImport.Tests.Configuration;

/// <summary>
/// The <c>akka</c> section: read by our reader, overridable like every setting, checked where
/// this project relies on it, and handed to Akka.NET as well-formed HOCON whatever its text.
/// </summary>
public class AkkaSectionTests
{
    private static Config FromRoot(params string[] args) => AkkaSection.ToConfig(ImportTestKit.RootConfiguration(args));

    [Fact]
    public void TheFilesAkkaSectionBecomesAkkasConfig()
    {
        Config config = FromRoot();
        Assert.Equal("OFF", config.GetString("akka.loglevel"));
        Assert.Equal("OFF", config.GetString("akka.stdout-loglevel"));
        Assert.Equal(TimeSpan.FromSeconds(5), config.GetTimeSpan("akka.actor.ask-timeout"));
        Assert.Equal("ForkJoinDispatcher", config.GetString(AkkaSection.ImportDispatcherId + ".type"));
        Assert.Equal(30, config.GetInt(AkkaSection.ImportDispatcherId + ".throughput"));
        Assert.Equal(1.0, config.GetDouble("akka.test.timefactor"));
    }

    [Fact]
    public void TheBuiltInDefaultsAreTheFilesValues()
    {
        // Without a file the engine still gets a quiet log, a finite ask timeout and its dispatcher.
        Config file = FromRoot();
        Config none = AkkaSection.ToConfig(ActorImportConfiguration.Build(null, [], new Dictionary<string, string?>()));
        foreach (string key in new[] { "akka.loglevel", "akka.stdout-loglevel", "akka.actor.ask-timeout", "akka.test.timefactor",
            AkkaSection.ImportDispatcherId + ".type", AkkaSection.ImportDispatcherId + ".throughput",
            AkkaSection.ImportDispatcherId + ".dedicated-thread-pool.thread-count", AkkaSection.ImportDispatcherId + ".dedicated-thread-pool.threadtype" })
        {
            Assert.Equal(file.GetString(key), none.GetString(key));
        }
    }

    [Fact]
    public void SetAndEnvironmentReachAkkasSettings()
    {
        Config set = FromRoot("--set", "akka.actor.ask-timeout=7s", "--set", "akka.actor.actor-import-dispatcher.throughput=12");
        Assert.Equal(TimeSpan.FromSeconds(7), set.GetTimeSpan("akka.actor.ask-timeout"));
        Assert.Equal(12, set.GetInt(AkkaSection.ImportDispatcherId + ".throughput"));

        var env = new Dictionary<string, string?> { ["ACTORIMPORT__akka__loglevel"] = "DEBUG", ["ACTORIMPORT__akka__actor__actor_import_dispatcher__throughput"] = "9" };
        Config fromEnv = AkkaSection.ToConfig(ActorImportConfiguration.Build(ImportTestKit.RootHocon, [], env));
        Assert.Equal("DEBUG", fromEnv.GetString("akka.loglevel"));
        Assert.Equal(9, fromEnv.GetInt(AkkaSection.ImportDispatcherId + ".throughput"));
    }

    [Fact]
    public void AnAkkaOverrideDoesNotLandUnderActorImport()
    {
        var configuration = ImportTestKit.RootConfiguration("--set", "akka.loglevel=INFO");
        Assert.Null(configuration["actor-import:akka:loglevel"]);
        Assert.Equal("INFO", configuration["akka:loglevel"]);
        ActorImportConfiguration.Bind(configuration); // no unknown key under actor-import
    }

    [Theory]
    [InlineData("x = \"quote \\\" and backslash \\\\ and ${a} and } ] and \\n newline\"")]
    [InlineData("\"odd key with spaces, {braces}, \\\"quotes\\\" and \\\\\" = 1")]
    [InlineData("x = \"unicode \\u00e9 \\u0001 control\"")]
    public void AnyTextReachesAkkaUnchanged(string field)
    {
        var configuration = HoconTestSupport.Read($"akka.custom {{ {field} }}");
        KeyValuePair<string, string?> field1 = Microsoft.Extensions.Configuration.ConfigurationExtensions
            .AsEnumerable(configuration.GetSection("akka:custom"), makePathsRelative: true).Single(kv => kv.Value is not null);
        (string key, string? value) = (field1.Key, field1.Value);
        Config config = AkkaSection.ToConfig(configuration);
        Assert.Equal(value, config.GetConfig("akka.custom").AsEnumerable().Single(kv => kv.Key == key).Value.GetString());
    }

    [Fact]
    public void ListsNestedObjectsAndNullsKeepTheirShape()
    {
        var configuration = HoconTestSupport.Read("akka.custom { list = [ a, \"b c\" ], objects = [ { x = 1 }, { x = 2 } ], nothing = null, deep.er.est = on }");
        Config config = AkkaSection.ToConfig(configuration);
        Assert.Equal(["a", "b c"], config.GetStringList("akka.custom.list"));
        Assert.Equal([1, 2], config.GetValue("akka.custom.objects").GetArray().Select(v => v.GetObject().GetKey("x").GetInt()));
        Assert.Null(config.GetString("akka.custom.nothing"));
        Assert.True(config.GetBoolean("akka.custom.deep.er.est"));
    }

    [Fact]
    public void AHoconSyntaxErrorInTheAkkaSectionNamesFileLineAndColumn()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("broken.hocon", "actor-import { }\nakka {\n  actor {\n    ask-timeout = 5s }\n  }\n}\n");
        var e = Assert.Throws<HoconException>(() => ActorImportConfiguration.Build(path, [], new Dictionary<string, string?>()));
        Assert.Equal("broken.hocon", Path.GetFileName(e.File));
        Assert.Equal(6, e.Line); // the stray closing brace
        Assert.Equal(1, e.Column);
        Assert.StartsWith($"{e.File}:6:1: ", e.Message);
    }

    [Fact]
    public void AnUnusableAkkaSettingIsReportedBeforeASystemStarts()
    {
        var configuration = ImportTestKit.RootConfiguration("--set", "akka.actor.ask-timeout=infinite");
        var e = Assert.Throws<OptionsValidationException>(() => ImportActorSystem.Create(configuration));
        Assert.Contains("akka:actor:ask-timeout", e.Message);
    }
}

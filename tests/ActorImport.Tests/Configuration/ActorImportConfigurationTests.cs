using ActorImport.Configuration;
using ActorImport.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ActorImport.Tests.Configuration;

public class ActorImportConfigurationTests
{
    private static string RootHocon => Path.Combine(HoconTestSupport.RepositoryRoot(), "akka.hocon");

    private static Dictionary<string, string?> NoEnvironment() => new();

    [Fact]
    public void RootAkkaHoconBindsToTheDocumentedDefaults()
    {
        var configuration = ActorImportConfiguration.Build(RootHocon, [], NoEnvironment());
        var o = ActorImportConfiguration.Bind(configuration);

        Assert.Equal(30, o.Dispatcher.Throughput);
        Assert.Equal(TimeSpan.FromSeconds(5), o.AskTimeout);
        Assert.Equal(["auto"], o.Search.Path);
        Assert.Equal("3.11", o.Python.TargetVersion);
        Assert.Equal("actorimport-311", o.Python.CacheTag);
        Assert.Equal(PycInvalidationMode.Timestamp, o.Bytecode.Mode);
        Assert.True(o.Bytecode.Write);
        Assert.Equal(LazyImportMode.Normal, o.LazyImports.Mode);
        Assert.False(o.Trace.Enabled);
        Assert.Equal("", o.Trace.Output);
        Assert.Equal(1.0, o.TestKit.TimeFactor);
        Assert.Equal(Timeout.InfiniteTimeSpan, o.Timeouts.ImportWait);
    }

    [Fact]
    public void RootAkkaHoconSetsEveryOptionExplicitly()
    {
        // Every key the options expose is written in the file, so the file is the full list of defaults.
        var keys = ActorImportConfiguration.Build(RootHocon, [], NoEnvironment()).AsEnumerable().Select(kv => kv.Key).ToHashSet();
        string[] expected =
        [
            "actor-import:dispatcher:throughput", "actor-import:ask-timeout", "actor-import:search:path:0",
            "actor-import:python:target-version", "actor-import:python:cache-tag", "actor-import:bytecode:mode",
            "actor-import:bytecode:write", "actor-import:lazy-imports:mode", "actor-import:trace:enabled",
            "actor-import:trace:output", "actor-import:test-kit:time-factor", "actor-import:timeouts:import-wait",
        ];
        Assert.All(expected, key => Assert.Contains(key, keys));
    }

    [Fact]
    public void OptionClassDefaultsMatchTheFile()
    {
        var fromFile = ActorImportConfiguration.Bind(ActorImportConfiguration.Build(RootHocon, [], NoEnvironment()));
        var fromNothing = ActorImportConfiguration.Bind(ActorImportConfiguration.Build(null, [], NoEnvironment()));
        Assert.Equal(Describe(fromFile), Describe(fromNothing));
    }

    [Fact]
    public void EnvironmentOverridesTheFileAndUnderscoreStandsForHyphen()
    {
        var env = new Dictionary<string, string?>
        {
            ["ACTORIMPORT__dispatcher__throughput"] = "10",
            ["ACTORIMPORT__ask_timeout"] = "2s",
            ["actorimport__lazy_imports__mode"] = "all",
            ["OTHER__dispatcher__throughput"] = "1",
        };
        var o = ActorImportConfiguration.Bind(ActorImportConfiguration.Build(RootHocon, [], env));
        Assert.Equal(10, o.Dispatcher.Throughput);
        Assert.Equal(TimeSpan.FromSeconds(2), o.AskTimeout);
        Assert.Equal(LazyImportMode.All, o.LazyImports.Mode);
    }

    [Theory]
    [InlineData("--actor-import:dispatcher:throughput=12")]
    [InlineData("--actor-import:dispatcher:throughput", "12")]
    [InlineData("--actor-import.dispatcher.throughput=12")]
    [InlineData("--set", "dispatcher.throughput=12")]
    [InlineData("--set=dispatcher.throughput=12")]
    [InlineData("--set", "actor-import.dispatcher.throughput=12")]
    [InlineData("--threads", "4", "--set", "dispatcher.throughput=12", "positional")]
    public void CommandLineFormsOverrideTheFile(params string[] args)
    {
        var o = ActorImportConfiguration.Bind(ActorImportConfiguration.Build(RootHocon, args, NoEnvironment()));
        Assert.Equal(12, o.Dispatcher.Throughput);
    }

    [Fact]
    public void ShortColonFormIsNotReadSoItCannotCollideWithProgramSwitches()
    {
        var c = ActorImportConfiguration.Build(RootHocon, ["--dispatcher:throughput=12"], NoEnvironment());
        Assert.Equal(30, ActorImportConfiguration.Bind(c).Dispatcher.Throughput);
    }

    [Fact]
    public void PrecedenceIsFileThenEnvironmentThenCommandLine()
    {
        var env = new Dictionary<string, string?>
        {
            ["ACTORIMPORT__dispatcher__throughput"] = "10",
            ["ACTORIMPORT__bytecode__mode"] = "checked-hash",
        };
        var o = ActorImportConfiguration.Bind(ActorImportConfiguration.Build(RootHocon, ["--set", "dispatcher.throughput=20"], env));
        Assert.Equal(20, o.Dispatcher.Throughput); // command line beats environment
        Assert.Equal(PycInvalidationMode.CheckedHash, o.Bytecode.Mode); // environment beats file
        Assert.Equal("3.11", o.Python.TargetVersion); // file where nothing overrides
    }

    [Fact]
    public void EnvironmentFeedsHoconSubstitutionsToo()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("app.hocon", "actor-import.trace { enabled = true, output = ${?TRACE_FILE} }");
        var o = ActorImportConfiguration.Bind(ActorImportConfiguration.Build(path, [], new Dictionary<string, string?> { ["TRACE_FILE"] = "/tmp/t.json" }));
        Assert.True(o.Trace.Enabled);
        Assert.Equal("/tmp/t.json", o.Trace.Output);
    }

    [Fact]
    public void ConfiguredSearchPathReplacesTheDefault()
    {
        var c = new ConfigurationBuilder().AddHoconString("actor-import.search.path = [ \"/a\", auto ]").Build();
        Assert.Equal(["/a", "auto"], ActorImportConfiguration.Bind(c).Search.Path);
    }

    [Fact]
    public void HyphenatedEnumValuesBind()
    {
        var c = new ConfigurationBuilder().AddHoconString("actor-import { bytecode.mode = unchecked-hash, lazy-imports.mode = none }").Build();
        var o = ActorImportConfiguration.Bind(c);
        Assert.Equal(PycInvalidationMode.UncheckedHash, o.Bytecode.Mode);
        Assert.Equal(LazyImportMode.None, o.LazyImports.Mode);
    }

    [Theory]
    [InlineData("actor-import.dispatcher.throughput = 0", "actor-import:dispatcher:throughput")]
    [InlineData("actor-import.dispatcher.throughput = 2000000", "actor-import:dispatcher:throughput")]
    [InlineData("actor-import.bytecode.mode = sometimes", "actor-import:bytecode:mode")]
    [InlineData("actor-import.bytecode.mode = 7", "actor-import:bytecode:mode")]
    [InlineData("actor-import.lazy-imports.mode = lazy", "actor-import:lazy-imports:mode")]
    [InlineData("actor-import.ask-timeout = infinite", "actor-import:ask-timeout")]
    [InlineData("actor-import.ask-timeout = 0s", "actor-import:ask-timeout")]
    [InlineData("actor-import.timeouts.import-wait = -1s", "actor-import:timeouts:import-wait")]
    [InlineData("actor-import.test-kit.time-factor = 0", "actor-import:test-kit:time-factor")]
    [InlineData("actor-import.python.target-version = eleven", "actor-import:python:target-version")]
    [InlineData("actor-import.dispatcher.thruput = 5", "actor-import:dispatcher:thruput is not a known setting (known here: throughput)")]
    [InlineData("actor-import.trace = 5", "actor-import:trace must be an object")]
    [InlineData("actor-import.trace.output = null", "actor-import:trace:output")]
    [InlineData("actor-import.trace.enabled = maybe", "actor-import:trace:enabled")]
    [InlineData("actor-import.search.path = [ [a] ]", "actor-import:search:path:0 must be a string")]
    [InlineData("actor-import.dispatcher = { throughput = { x = 1 } }", "actor-import:dispatcher:throughput must be a single value")]
    public void InvalidValuesAreErrorsNamingTheKey(string hocon, string key)
    {
        var c = new ConfigurationBuilder().AddHoconString(hocon).Build();
        var e = Assert.Throws<OptionsValidationException>(() => ActorImportConfiguration.Bind(c));
        Assert.Contains(key, e.Message);
    }

    [Fact]
    public void ImportWaitAcceptsAFiniteDuration()
    {
        var c = new ConfigurationBuilder().AddHoconString("actor-import.timeouts.import-wait = 30s").Build();
        Assert.Equal(TimeSpan.FromSeconds(30), ActorImportConfiguration.Bind(c).Timeouts.ImportWait);
    }

    [Fact]
    public void ValidatorWorksWithTheOptionsFramework()
    {
        var result = new ActorImportOptionsValidator().Validate(null, new ActorImportOptions { Dispatcher = { Throughput = -1 } });
        Assert.True(result.Failed);
        Assert.Contains("actor-import:dispatcher:throughput", result.FailureMessage);
        Assert.True(new ActorImportOptionsValidator().Validate(null, new ActorImportOptions()).Succeeded);
    }

    [Fact]
    public void SetWithoutKeyValueIsAnError()
    {
        var e = Assert.Throws<FormatException>(() => ActorImportConfiguration.Build(null, ["--set", "dispatcher.throughput"], NoEnvironment()));
        Assert.Contains("dispatcher.throughput", e.Message);
    }

    [Fact]
    public void SetWithAListValueSetsAList()
    {
        var options = ActorImportConfiguration.Bind(ActorImportConfiguration.Build(null, ["--set", "search.path=[/a, \"/b c\"]"], NoEnvironment()));
        Assert.Equal(["/a", "/b c"], options.Search.Path);
    }

    [Fact]
    public void SetWithABadListNamesTheSwitch()
    {
        var e = Assert.Throws<HoconException>(() => ActorImportConfiguration.Build(null, ["--set", "search.path=[/a"], NoEnvironment()));
        Assert.Contains("--set search.path=[/a", e.Message);
    }

    [Fact]
    public void SetWithAScalarWhereAListBelongsIsAnErrorNamingTheKey()
    {
        var configuration = ActorImportConfiguration.Build(null, ["--set", "search.path=/a"], NoEnvironment());
        var e = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => ActorImportConfiguration.Bind(configuration));
        Assert.Contains("actor-import:search:path", e.Message);
    }

    [Fact]
    public void LocateDefaultFileFindsTheRootFileFromBelow()
    {
        string below = Path.Combine(HoconTestSupport.RepositoryRoot(), "src", "ActorImport", "Configuration");
        Assert.Equal(RootHocon, ActorImportConfiguration.LocateDefaultFile(below));
    }

    private static string Describe(ActorImportOptions o) =>
        string.Join("|", o.Dispatcher.Throughput, o.AskTimeout, string.Join(",", o.Search.Path), o.Python.TargetVersion, o.Python.CacheTag,
            o.Bytecode.Mode, o.Bytecode.Write, o.LazyImports.Mode, o.Trace.Enabled, o.Trace.Output, o.TestKit.TimeFactor, o.Timeouts.ImportWait);
}

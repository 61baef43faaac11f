using ActorImport.Configuration;

namespace ActorImport.Tests.Configuration;

/// <summary>
/// An override of a list replaces the whole list, as a later value does in HOCON — never the
/// file's elements index by index (which left the file's later elements in place).
/// </summary>
public class ListOverrideTests
{
    private const string File = """
        actor-import.search.path = [ "auto", "/file/1", "/file/2" ]
        akka.loggers = [ "Akka.Event.DefaultLogger", "Other.Logger" ]
        """;

    private static List<string> SearchPath(string[] args, Dictionary<string, string?> environment)
    {
        using var dir = new TempDirectory();
        string path = dir.Write("app.hocon", File);
        return ActorImportConfiguration.Bind(ActorImportConfiguration.Build(path, args, environment)).Search.Path;
    }

    [Fact]
    public void WithoutOverridesTheFileListStands() =>
        Assert.Equal(["auto", "/file/1", "/file/2"], SearchPath([], []));

    [Fact]
    public void EnvironmentListAsHoconReplacesTheWholeList() =>
        Assert.Equal(["/env"], SearchPath([], new() { ["ACTORIMPORT__search__path"] = "[ \"/env\" ]" }));

    [Fact]
    public void EnvironmentListByIndexReplacesTheWholeList() =>
        Assert.Equal(["/env/0", "/env/1"], SearchPath([], new() { ["ACTORIMPORT__search__path__0"] = "/env/0", ["ACTORIMPORT__search__path__1"] = "/env/1" }));

    [Fact]
    public void SetListReplacesTheWholeList() =>
        Assert.Equal(["/set"], SearchPath(["--set", "search.path=[/set]"], []));

    [Fact]
    public void SetElementByIndexReplacesTheWholeList() =>
        Assert.Equal(["/set"], SearchPath(["--set", "search.path.0=/set"], []));

    [Fact]
    public void SetListReplacesTheEnvironmentListWhichReplacedTheFiles() =>
        Assert.Equal(["/set"], SearchPath(["--set", "search.path=[/set]"], new() { ["ACTORIMPORT__search__path"] = "[/env/0, /env/1]" }));

    [Fact]
    public void OverridingOneListLeavesOtherListsAndValuesAlone()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("app.hocon", File);
        var configuration = ActorImportConfiguration.Build(path, ["--set", "search.path=[/set]"], new Dictionary<string, string?>());
        Assert.Equal("Akka.Event.DefaultLogger|Other.Logger", HoconTestSupport.Values(configuration, "akka:loggers:0", "akka:loggers:1"));
    }

    [Fact]
    public void AnAkkaListIsReplacedWholeToo()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("app.hocon", File);
        var configuration = ActorImportConfiguration.Build(path, [], new Dictionary<string, string?> { ["ACTORIMPORT__akka__loggers"] = "[ \"Mine.Logger\" ]" });
        Assert.Equal(["Mine.Logger"], AkkaSection.ToConfig(configuration).GetStringList("akka.loggers"));
    }
}

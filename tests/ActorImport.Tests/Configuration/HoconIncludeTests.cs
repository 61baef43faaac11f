using ActorImport.Configuration;
using Microsoft.Extensions.Configuration;

namespace ActorImport.Tests.Configuration;

public class HoconIncludeTests
{
    private static IConfigurationRoot ReadFile(string path) =>
        new ConfigurationBuilder().AddHoconFile(path, optional: false, new Dictionary<string, string?>()).Build();

    [Fact]
    public void IncludeIsRelativeToTheIncludingFile()
    {
        using var dir = new TempDirectory();
        dir.Write("conf/common/base.conf", "shared = from-base\nover = base");
        dir.Write("conf/common/more.conf", "inner = more");
        dir.Write("conf/app.conf", """
            include "common/base.conf"
            over = app
            nested { include file("common/more.conf") }
            """);

        // Read from elsewhere, so a path relative to the current directory would not find it.
        var c = ReadFile(Path.Combine(dir.Path, "conf", "app.conf"));
        Assert.Equal("from-base", c["shared"]);
        Assert.Equal("app", c["over"]);
        Assert.Equal("more", c["nested:inner"]);
    }

    [Fact]
    public void IncludedFileInsideAnIncludedFileIsRelativeToItsOwnDirectory()
    {
        using var dir = new TempDirectory();
        dir.Write("a/b/leaf.conf", "leaf = yes");
        dir.Write("a/middle.conf", "include \"b/leaf.conf\"");
        dir.Write("root.conf", "include \"a/middle.conf\"");
        Assert.Equal("yes", ReadFile(Path.Combine(dir.Path, "root.conf"))["leaf"]);
    }

    [Fact]
    public void MissingIncludeIsIgnoredButRequiredOneIsAnError()
    {
        using var dir = new TempDirectory();
        string root = dir.Write("root.conf", "include \"nowhere.conf\"\na = 1");
        Assert.Equal("1", ReadFile(root)["a"]);

        string strict = dir.Write("strict.conf", "a = 1\ninclude required(file(\"nowhere.conf\"))");
        var e = Assert.Throws<HoconException>(() => ReadFile(strict));
        Assert.Equal(2, e.Line);
        Assert.Contains("nowhere.conf", e.Message);
    }

    [Fact]
    public void IncludeCycleIsAnError()
    {
        using var dir = new TempDirectory();
        dir.Write("one.conf", "include \"two.conf\"");
        dir.Write("two.conf", "x = 1\ninclude \"one.conf\"");
        var e = Assert.Throws<HoconException>(() => ReadFile(Path.Combine(dir.Path, "one.conf")));
        Assert.Contains("include cycle", e.Message);
        Assert.Contains("one.conf -> two.conf -> one.conf", e.Message);
    }

    [Fact]
    public void LaterSettingsOverrideIncludedOnesAndIncludedOverrideEarlier()
    {
        using var dir = new TempDirectory();
        dir.Write("inc.conf", "a = included\nb = included");
        string root = dir.Write("root.conf", "a = before\ninclude \"inc.conf\"\nb = after");
        var c = ReadFile(root);
        Assert.Equal("included", c["a"]);
        Assert.Equal("after", c["b"]);
    }

    [Fact]
    public void SubstitutionInANestedIncludeIsRelativeToWhereItIsIncluded()
    {
        using var dir = new TempDirectory();
        dir.Write("part.conf", "x = 1\ny = ${x}\nz = ${top}");
        string root = dir.Write("root.conf", "top = t\nsection { include \"part.conf\" }\nsection.x = 2");
        var c = ReadFile(root);
        Assert.Equal("2", c["section:y"]); // ${x} became ${section.x}, resolved after the override
        Assert.Equal("t", c["section:z"]); // not found under section: falls back to the root path
    }

    [Fact]
    public void StringSourceIncludesRelativeToItsBaseDirectory()
    {
        using var dir = new TempDirectory();
        dir.Write("inc.conf", "v = 7");
        var c = HoconTestSupport.Read("include \"inc.conf\"", baseDirectory: dir.Path);
        Assert.Equal("7", c["v"]);
    }

    [Fact]
    public void MissingOptionalFileAddsNothingAndMissingRequiredFileThrows()
    {
        string missing = Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid().ToString("N") + ".conf");
        var c = new ConfigurationBuilder().AddHoconFile(missing, optional: true).Build();
        Assert.Empty(c.AsEnumerable());
        Assert.Throws<FileNotFoundException>(() => new ConfigurationBuilder().AddHoconFile(missing).Build());
    }
}

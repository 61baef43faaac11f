using ActorImport.Configuration;
using Microsoft.Extensions.Configuration;
using static ActorImport.Tests.Configuration.HoconTestSupport;

namespace ActorImport.Tests.Configuration;

public class HoconErrorTests
{
    [Fact]
    public void UnclosedObjectNamesWhereItWasOpened()
    {
        var e = ReadError("top = 1\na {\n  b = 1\n");
        Assert.Equal("test.conf:4:1: expected '}' to close the object opened at 2:3 but found end of file", e.Message);
        Assert.Equal(("test.conf", 4, 1), (e.File, e.Line, e.Column));
    }

    [Theory]
    [InlineData("a = 1\nb = 2 3 = 4", 2, 9, "expected ',' or a new line")]
    [InlineData("a = [1, 2\nb = 3", 2, 3, "expected ',' or ']'")]
    [InlineData("a = 1\n  lonely\n", 2, 9, "expected '=', ':' or '{' after key 'lonely'")]
    [InlineData("a = 1\nb = \"open", 2, 5, "unterminated quoted string")]
    [InlineData("a = 1,,\n", 1, 7, "unexpected ','")]
    [InlineData("x = }", 1, 5, "expected a value")]
    [InlineData("a {\n  b = 1\n}}", 3, 2, "unexpected '}'")]
    [InlineData("a = 1\n  b = x!y", 2, 8, "character '!' is not allowed")]
    [InlineData("a = \"bad \\q escape\"", 1, 10, "invalid escape")]
    [InlineData("a = ${unclosed", 1, 5, "unterminated substitution")]
    [InlineData("a..b = 1", 1, 3, "empty path segment")]
    [InlineData("[1, 2]", 1, 1, "must be an object")]
    public void SyntaxErrorsCarryLineAndColumn(string text, int line, int column, string reason)
    {
        var e = ReadError(text);
        Assert.Equal(line, e.Line);
        Assert.Equal(column, e.Column);
        Assert.Contains(reason, e.Message);
        Assert.StartsWith($"test.conf:{line}:{column}: ", e.Message);
    }

    [Fact]
    public void FileErrorsNameTheFileAsGivenAndAreNotWrapped()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("akka.hocon", "actor-import {\n  dispatcher {\n    throughput = 30\n  \n");
        var e = Assert.Throws<HoconException>(() => new ConfigurationBuilder().AddHoconFile(path).Build());
        Assert.StartsWith($"{path}:5:1: expected '}}' to close the object opened at 2:14", e.Message);
    }

    [Fact]
    public void ErrorInAnIncludedFileNamesThatFile()
    {
        using var dir = new TempDirectory();
        string inc = dir.Write("inc.conf", "ok = 1\nbad = [\n");
        string root = dir.Write("root.conf", "include \"inc.conf\"");
        var e = Assert.Throws<HoconException>(() => new ConfigurationBuilder().AddHoconFile(root).Build());
        Assert.Equal(inc, e.File);
        Assert.Equal(3, e.Line);
    }
}

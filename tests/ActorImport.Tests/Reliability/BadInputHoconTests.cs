using ActorImport.Configuration;
using static ActorImport.Tests.Configuration.HoconTestSupport;

namespace ActorImport.Tests.Reliability;

/// <summary>
/// HOCON syntax errors the Configuration/Hocon*Tests do not already list: each is a
/// <see cref="HoconException"/> (never another exception type, never a hang) naming the file,
/// a line and a column inside the text, and the reader still reads a good file afterwards.
/// </summary>
public class BadInputHoconTests
{
    public static readonly TheoryData<string> Texts =
    [
        "a = \"\"\"never closed\n",
        "a = \"\\u12\"",
        "a = \"\\u12G4\"",
        "a = [1, 2]]",
        "a { b = 1 ]",
        "a = [\n",
        "a = = 1",
        "include \"unterminated",
        "include file(\"x.conf\"",
        "include nonsense(\"x.conf\")",
        "include 42",
        "a = ${}",
        "a = ${b.}",
        "a = ${?",
        "a = 1\nb = ${a}${c}\nc = ${b}",
        "a = ${a}",
        "a.\"unterminated = 1",
        "\"\" { = 1",
        "a = \"line\nbreak\"",
        "{ a = 1 } extra",
        "a = {",
        "a : [ { ] }",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void EachSyntaxErrorNamesFileLineAndColumn(string text)
    {
        HoconException e = ReadError(text);
        int lines = text.Split('\n').Length;
        Assert.Equal("test.conf", e.File);
        Assert.InRange(e.Line, 1, lines + 1);
        Assert.True(e.Column >= 1, $"column {e.Column}");
        Assert.StartsWith($"test.conf:{e.Line}:{e.Column}: ", e.Message);
        Assert.Equal("1", Read("ok = 1\n")["ok"]);
    }

    [Theory]
    [InlineData("timeouts { import-wait = 5 parsecs }")]
    [InlineData("timeouts { import-wait = -5s }")]
    [InlineData("timeouts { import-wait = 5.5.5s }")]
    [InlineData("engine { max-import-depth = 0 }")]
    [InlineData("engine { max-import-depth = deep }")]
    public void InvalidValuesAreRefusedNamingTheKey(string text)
    {
        var configuration = Read("actor-import { " + text + " }");
        var e = Assert.ThrowsAny<Exception>(() => ActorImportConfiguration.Bind(configuration));
        Assert.Contains("actor-import:", e.Message, StringComparison.Ordinal);
    }
}

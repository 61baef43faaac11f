using Microsoft.Extensions.Configuration;
using static ActorImport.Tests.Configuration.HoconTestSupport;

namespace ActorImport.Tests.Configuration;

public class HoconSyntaxTests
{
    [Fact]
    public void CommentsOfBothKindsAreIgnored()
    {
        var c = Read("""
            # a hash comment
            a = 1 # trailing
            // a slash comment
            b = two // trailing
            """);
        Assert.Equal("1", c["a"]);
        Assert.Equal("two", c["b"]);
        Assert.Equal(2, c.AsEnumerable().Count(kv => kv.Value is not null));
    }

    [Fact]
    public void SeparatorsEqualsColonAndNothingBeforeBrace()
    {
        var c = Read("a = 1\nb : 2\nc { d = 3 }\ne = { f = 4 }\ng: { h: 5 }");
        Assert.Equal("1", c["a"]);
        Assert.Equal("2", c["b"]);
        Assert.Equal("3", c["c:d"]);
        Assert.Equal("4", c["e:f"]);
        Assert.Equal("5", c["g:h"]);
    }

    [Fact]
    public void RootMayBeBraced()
    {
        var c = Read("{ a = 1, b { c = x } }");
        Assert.Equal("1", c["a"]);
        Assert.Equal("x", c["b:c"]);
    }

    [Fact]
    public void ArraysAreKeyedByIndexWithCommasOrNewlines()
    {
        var c = Read("""
            list = [ "x", y, 3 ]
            lines = [
              one
              two,
              three,
            ]
            objects = [ { n = 1 }, { n = 2 } ]
            nested = [ [1, 2], [3] ]
            """);
        Assert.Equal("x|y|3", Values(c, "list:0", "list:1", "list:2"));
        Assert.Null(c["list:3"]);
        Assert.Equal("one|two|three", Values(c, "lines:0", "lines:1", "lines:2"));
        Assert.Equal("2", c["objects:1:n"]);
        Assert.Equal("3", c["nested:1:0"]);
    }

    [Fact]
    public void QuotedStringsUnderstandJsonEscapes()
    {
        var c = Read("""a = "tab\there \"quoted\" \\ \/ \u00e9 line\nbreak" """);
        Assert.Equal("tab\there \"quoted\" \\ / \u00e9 line\nbreak", c["a"]);
    }

    [Fact]
    public void TripleQuotedStringsAreVerbatimAndMaySpanLines()
    {
        var c = Read("a = \"\"\"first \\n \"quoted\"\nsecond\"\"\"\nb = \"\"\"x\"\"\"\"\n");
        Assert.Equal("first \\n \"quoted\"\nsecond", c["a"]);
        Assert.Equal("x\"", c["b"]); // extra quotes before the closing three belong to the string
    }

    [Fact]
    public void NumbersBooleansAndNullKeepTheirText()
    {
        var c = Read("i = 42\nf = -1.5e3\nt = true\nn = null\nq = \"null\"");
        Assert.Equal("42", c["i"]);
        Assert.Equal("-1.5e3", c["f"]);
        Assert.Equal("true", c["t"]);
        Assert.Null(c["n"]);
        Assert.Contains(c.AsEnumerable(), kv => kv.Key == "n"); // null is set, not absent
        Assert.Equal("null", c["q"]);
    }

    [Fact]
    public void DottedKeysBuildObjectsAndQuotedDotsStayInOneKey()
    {
        var c = Read("a.b.c = 1\n\"x.y\" = 2\nm.\"n.o\".p = 3");
        Assert.Equal("1", c["a:b:c"]);
        Assert.Equal("2", c["x.y"]);
        Assert.Equal("3", c["m:n.o:p"]);
    }

    [Fact]
    public void UnquotedValuesOnOneLineConcatenateWithTheirWhitespace()
    {
        var c = Read("a = hello   big world\nb = \"quoted\" and unquoted\nc = 1.5 hours\nd = foo  # comment");
        Assert.Equal("hello   big world", c["a"]);
        Assert.Equal("quoted and unquoted", c["b"]);
        Assert.Equal("1.5 hours", c["c"]);
        Assert.Equal("foo", c["d"]);
    }

    [Fact]
    public void EmptyObjectsAndArraysAreNullLikeTheJsonProvider()
    {
        var c = Read("a {}\nb = []");
        Assert.Contains(c.AsEnumerable(), kv => kv.Key == "a" && kv.Value is null);
        Assert.Contains(c.AsEnumerable(), kv => kv.Key == "b" && kv.Value is null);
    }

    [Fact]
    public void KeysAreCaseInsensitiveThroughConfiguration()
    {
        var c = Read("Dispatcher.Throughput = 7");
        Assert.Equal("7", c["dispatcher:throughput"]);
    }
}

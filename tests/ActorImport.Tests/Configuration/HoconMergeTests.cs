using Microsoft.Extensions.Configuration;
using static ActorImport.Tests.Configuration.HoconTestSupport;

namespace ActorImport.Tests.Configuration;

public class HoconMergeTests
{
    [Fact]
    public void LaterValueWins()
    {
        var c = Read("a = 1\na = 2");
        Assert.Equal("2", c["a"]);
    }

    [Fact]
    public void ObjectsMergeRecursively()
    {
        var c = Read("""
            a { x = 1, inner { p = 1, q = 1 } }
            a { y = 2, inner { q = 2 } }
            a.inner.r = 3
            """);
        Assert.Equal("1", c["a:x"]);
        Assert.Equal("2", c["a:y"]);
        Assert.Equal("1", c["a:inner:p"]);
        Assert.Equal("2", c["a:inner:q"]);
        Assert.Equal("3", c["a:inner:r"]);
    }

    [Fact]
    public void NonObjectReplacesObjectAndObjectReplacesNonObject()
    {
        var c = Read("a { x = 1 }\na = 5\nb = 5\nb { y = 2 }");
        Assert.Equal("5", c["a"]);
        Assert.Null(c["a:x"]);
        Assert.Null(c["b"]);
        Assert.Equal("2", c["b:y"]);
    }

    [Fact]
    public void ArraysAreReplacedNotMerged()
    {
        var c = Read("a = [1, 2, 3]\na = [9]");
        Assert.Equal("9", c["a:0"]);
        Assert.Null(c["a:1"]);
    }

    [Fact]
    public void PlusEqualsAppendsToAnArray()
    {
        var c = Read("a = [1]\na += 2\na += [3]\nfresh += x");
        Assert.Equal("1|2", Values(c, "a:0", "a:1"));
        Assert.Equal("3", c["a:2:0"]); // += v appends v itself, here an array
        Assert.Equal("x", c["fresh:0"]);
    }

    [Fact]
    public void PlusEqualsInsideNestedObjects()
    {
        var c = Read("s { path = [ auto ] }\ns { path += \"/opt\" }\ns.path += /usr");
        Assert.Equal("auto|/opt|/usr", Values(c, "s:path:0", "s:path:1", "s:path:2"));
    }

    [Fact]
    public void ObjectConcatenationMerges()
    {
        var c = Read("a = { x = 1 } { y = 2 }");
        Assert.Equal("1", c["a:x"]);
        Assert.Equal("2", c["a:y"]);
    }

    [Fact]
    public void PlusEqualsOfASelfReferenceAppendsTheEarlierValue()
    {
        var c = Read("x = [1, 2]\nx += ${x}");
        Assert.Equal("1|2|1|2", Values(c, "x:0", "x:1", "x:2:0", "x:2:1"));
    }
}

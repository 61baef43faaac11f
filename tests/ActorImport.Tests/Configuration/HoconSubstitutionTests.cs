using Microsoft.Extensions.Configuration;
using ActorImport.Configuration;
using static ActorImport.Tests.Configuration.HoconTestSupport;

namespace ActorImport.Tests.Configuration;

public class HoconSubstitutionTests
{
    [Fact]
    public void SubstitutionCopiesScalarsObjectsAndArrays()
    {
        var c = Read("""
            base { x = 1, y = [a, b] }
            copy = ${base}
            x = ${base.x}
            list = ${base.y}
            """);
        Assert.Equal("1", c["copy:x"]);
        Assert.Equal("b", c["copy:y:1"]);
        Assert.Equal("1", c["x"]);
        Assert.Equal("a", c["list:0"]);
    }

    [Fact]
    public void SubstitutionIsResolvedAfterMergingSoALaterOverrideIsSeen()
    {
        var c = Read("""
            timeout = 1s
            ask = ${timeout}
            timeout = 9s
            """);
        Assert.Equal("9s", c["ask"]);
    }

    [Fact]
    public void SubstitutionMayReferToAFieldDefinedLater()
    {
        var c = Read("a = ${b.c}\nb.c = late");
        Assert.Equal("late", c["a"]);
    }

    [Fact]
    public void SubstitutionsConcatenateWithText()
    {
        var c = Read("name = world\ngreeting = hello ${name} and ${name}s\nquoted = \"${name}\"");
        Assert.Equal("hello world and worlds", c["greeting"]);
        Assert.Equal("${name}", c["quoted"]); // no substitution inside quotes
    }

    [Fact]
    public void ObjectInheritanceBySubstitutionThenObject()
    {
        var c = Read("base { x = 1, y = 1 }\nderived = ${base} { y = 2 }");
        Assert.Equal("1", c["derived:x"]);
        Assert.Equal("2", c["derived:y"]);
        Assert.Equal("1", c["base:y"]);
    }

    [Fact]
    public void SelfReferenceSeesTheEarlierValue()
    {
        var c = Read("path = [a]\npath = ${path} [b]\nname = x\nname = ${name}y");
        Assert.Equal("a|b", Values(c, "path:0", "path:1"));
        Assert.Null(c["path:2"]);
        Assert.Equal("xy", c["name"]);
    }

    [Fact]
    public void CycleIsAnErrorNamingTheCycle()
    {
        var e = ReadError("a = ${b}\nb = ${c}\nc = ${a}");
        Assert.Contains("cycle", e.Message);
        Assert.Contains("${a}", e.Message);
        Assert.Contains("${b}", e.Message);
        Assert.Contains("${c}", e.Message);
        Assert.StartsWith("test.conf:", e.Message);
    }

    [Fact]
    public void ObjectContainingASubstitutionOfItselfIsACycle()
    {
        var e = ReadError("a { b = ${a} }");
        Assert.Contains("cycle", e.Message);
    }

    [Fact]
    public void MissingRequiredSubstitutionIsAnErrorWithItsPosition()
    {
        var e = ReadError("a = 1\nb = x ${nope.here}");
        Assert.Equal(2, e.Line);
        Assert.Equal(7, e.Column);
        Assert.Contains("${nope.here}", e.Message);
    }

    [Fact]
    public void OptionalEnvironmentSubstitution()
    {
        var env = new Dictionary<string, string?> { ["HOME_DIR"] = "/home/me" };
        var c = Read("home = ${?HOME_DIR}\nmissing = ${?NOT_SET}\nsub = ${?HOME_DIR}/lib", env);
        Assert.Equal("/home/me", c["home"]);
        Assert.DoesNotContain(c.AsEnumerable(), kv => kv.Key == "missing");
        Assert.Equal("/home/me/lib", c["sub"]);
    }

    [Fact]
    public void UnresolvedOptionalKeepsTheEarlierValue()
    {
        var env = new Dictionary<string, string?> { ["THROUGHPUT"] = "99" };
        var c = Read("a = 1\na = ${?NOT_SET}\nb = 1\nb = ${?THROUGHPUT}", env);
        Assert.Equal("1", c["a"]);
        Assert.Equal("99", c["b"]);
    }

    [Fact]
    public void ConfigPathWinsOverEnvironmentAndRequiredFallsBackToIt()
    {
        var env = new Dictionary<string, string?> { ["USER_NAME"] = "from-env", ["x"] = "env-x" };
        var c = Read("x = config-x\na = ${x}\nb = ${USER_NAME}", env);
        Assert.Equal("config-x", c["a"]);
        Assert.Equal("from-env", c["b"]);
    }

    [Fact]
    public void OptionalPathSubstitutionUsesTheConfigWhenPresent()
    {
        var c = Read("defaults.level = 3\nlevel = ${?defaults.level}\nother = ${?defaults.none}");
        Assert.Equal("3", c["level"]);
        Assert.DoesNotContain(c.AsEnumerable(), kv => kv.Key == "other");
    }

    [Fact]
    public void OptionalElementInArrayIsLeftOut()
    {
        var c = Read("a = [ x, ${?NOPE}, y ]");
        Assert.Equal("x|y", Values(c, "a:0", "a:1"));
        Assert.Null(c["a:2"]);
    }

    [Fact]
    public void MixingArrayAndStringInConcatenationIsAnError()
    {
        var e = ReadError("a = [1]\nb = ${a} text");
        Assert.Contains("cannot concatenate", e.Message);
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void QuotedPathSegmentsInSubstitutions()
    {
        var c = Read("\"a.b\" { \" c\" = 1 }\nx = ${\"a.b\".\" c\"}");
        Assert.Equal("1", c["x"]);
    }

    [Fact]
    public void FieldsAddedOnTopOfASubstitutionSeeItsValues()
    {
        var c = Read("""
            base { path = [a], name = x, deep { n = 1 } }
            derived = ${base}
            derived.path += b
            derived.name = ${derived.name}y
            derived.deep.m = 2
            derived { deep.n = ${derived.deep.n}0 }
            """);
        Assert.Equal("a|b|<null>", Values(c, "derived:path:0", "derived:path:1", "derived:path:2"));
        Assert.Equal("xy", c["derived:name"]);
        Assert.Equal("10|2", Values(c, "derived:deep:n", "derived:deep:m"));
        Assert.Equal("a|<null>|x|1|<null>", Values(c, "base:path:0", "base:path:1", "base:name", "base:deep:n", "base:deep:m"));
    }
}

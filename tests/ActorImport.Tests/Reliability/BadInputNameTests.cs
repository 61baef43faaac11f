using System.IO.Compression;
using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Model;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Reliability;

/// <summary>
/// Module names that are empty, have empty components, or hold <c>/</c>, <c>\</c>, NUL or
/// <c>..</c>, through <c>import_module</c> and <c>__import__</c>, next to files such names could
/// reach if they were joined to a path (<c>a/b.py</c>, a decoy <c>evil.py</c> outside a zip); and
/// zip members named with <c>..</c> or an absolute name. Each outcome (type, message, and the
/// module's file when it imports) is CPython's, and nothing outside an entry is read.
/// </summary>
public abstract class BadInputNameTests : BadInputTestBase
{
    public static readonly TheoryData<string> Names =
    [
        "", "a..b", ".a", "a.", "a/b", "a\\b", "a\0b", "..", "pk..x", "../x", "pk/../pk", "/etc/passwd", "pk.", "pk.\0",
        "./evil", "x/../evil", "pk/", "pk.sub/../pk", "\0", "...",
    ];

    private void WriteTree()
    {
        Tree.Write("pk/__init__.py", "");
        Tree.Write("a/b.py", "X = 5\n");
        Tree.Write("evil.py", "X = 99\n");
    }

    [PythonTheory]
    [MemberData(nameof(Names))]
    public void ABadNameEndsAsInCPythonAndNeverReachesAPath(string name)
    {
        WriteTree();
        ImportEngine engine = NewEngine();
        ImportOutcome[] cpython = BadInputOracle.Import([Tree.Root], [name]);
        ImportOutcome[] cpythonDunder = BadInputOracle.Import([Tree.Root], [name], viaDunderImport: true);
        AssertSame(cpython[0], ImportOutcome.Of(engine, name), $"import_module({PythonRepr.Str(name)})");
        AssertSame(cpythonDunder[0], ImportOutcome.Of(engine, name, viaDunderImport: true), $"__import__({PythonRepr.Str(name)})");
        StillImportsAGoodModule(engine);
    }

    private string WriteDotsZip()
    {
        Tree.Write("evil.py", "X = 99\n");
        string zip = Tree["dots.zip"];
        using (ZipArchive archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (var (member, text) in new[] { ("../evil.py", "X = 1\n"), ("/abs.py", "X = 2\n"), ("sub/../dd.py", "X = 3\n"), ("ok.py", "X = 4\n"), ("../../../../../../../../tmp/escaped.py", "X = 6\n") })
            {
                using var writer = new StreamWriter(archive.CreateEntry(member).Open());
                writer.Write(text);
            }
        }
        return zip;
    }

    public static readonly TheoryData<string> ZipNames = ["evil", "abs", "dd", "ok", "/abs", "../evil", "sub/../dd", "escaped", "sub", "..", "tmp"];

    /// <summary>A zip whose members are named <c>../evil.py</c>, <c>/abs.py</c>, <c>sub/../dd.py</c>: whatever imports comes from inside the archive (its value is the member's, never the decoy file's).</summary>
    [PythonTheory]
    [MemberData(nameof(ZipNames))]
    public void ZipMembersWithDotsOrAbsoluteNamesNeverReadOutsideTheArchive(string name)
    {
        string zip = WriteDotsZip();
        ImportEngine engine = NewEngine(path: [zip, Tree.Root]);
        ImportOutcome cpython = BadInputOracle.Import([zip, Tree.Root], [name])[0];
        ImportOutcome ours = ImportOutcome.Of(engine, name);
        AssertSame(cpython, ours, name);
        if (ours.Ok && ours.File!.StartsWith(zip + "/", StringComparison.Ordinal))
        {
            object? x = Assert.IsAssignableFrom<ModuleObject>(engine.Modules[name]).GetAttributeOrDefault("X");
            Assert.NotEqual(99L, Convert.ToInt64(x, System.Globalization.CultureInfo.InvariantCulture));
        }
        Assert.False(File.Exists("/tmp/escaped.py") && File.ReadAllText("/tmp/escaped.py") == "X = 6\n", "a member was extracted outside the archive");
        StillImportsAGoodModule(engine);
    }
}

public sealed class BadInputNameTestsUnderActors : BadInputNameTests
{
    protected override CoordinationMode Mode => CoordinationMode.Actors;
}

public sealed class BadInputNameTestsUnderLocks : BadInputNameTests
{
    protected override CoordinationMode Mode => CoordinationMode.Locks;
}

using System.IO.Compression;
using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Model;

namespace ActorImport.Tests.Reliability;

/// <summary>
/// Security (files): with bytecode writing on, an import writes nothing outside
/// <c>__pycache__</c> directories, or, with a pycache prefix, nothing outside the prefix. The
/// temporary tree is listed before and after imports of every kind (packages, submodules,
/// namespace packages, a zip, a failing body, a syntax error, a missing module, a bad name).
/// </summary>
public abstract class SecurityFileTests : BadInputTestBase
{
    private static readonly string[] Names =
    [
        "plain", "pkg", "pkg.sub", "pkg.inner.deep", "ns.portion", "fails", "bad_syntax", "missing", "zipped", "../escape", "a/b", "",
    ];

    private string WriteTree()
    {
        Tree.Write("plain.py", "import pkg.sub\n");
        Tree.Write("pkg/__init__.py", "from . import inner\n");
        Tree.Write("pkg/sub.py", "X = 1\n");
        Tree.Write("pkg/inner/__init__.py", "");
        Tree.Write("pkg/inner/deep.py", "import plain\n");
        Tree.Write("ns/portion.py", "Y = 2\n");
        Tree.Write("fails.py", "import plain\nraise ValueError('on purpose')\n");
        Tree.Write("bad_syntax.py", "x = (\n");
        string zip = Tree["lib.zip"];
        using (ZipArchive archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(archive.CreateEntry("zipped.py").Open());
            writer.Write("import plain\n");
        }
        return zip;
    }

    private static HashSet<string> Snapshot(string root) =>
        [.. Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)];

    private void ImportAll(ImportEngine engine)
    {
        foreach (string name in Names)
        {
            try
            {
                engine.ImportModule(name);
            }
            catch (PythonException)
            {
            }
        }
    }

    [Fact]
    public void OnlyPycacheDirectoriesAreWritten()
    {
        string zip = WriteTree();
        HashSet<string> before = Snapshot(Tree.Root);
        ImportEngine engine = NewEngine(path: [Tree.Root, zip], configure: o => o with { CompiledCache = BytecodeCacheOptions.ActorImport311 });
        ImportAll(engine);
        var added = Snapshot(Tree.Root).Except(before).ToList();
        Assert.NotEmpty(added); // bytecode writing was on
        Assert.All(added, path => Assert.True(
            Path.GetFileName(path) == "__pycache__" || Path.GetFileName(Path.GetDirectoryName(path)) == "__pycache__",
            $"written outside __pycache__: {path}"));
        Assert.All(added.Where(File.Exists), path => Assert.EndsWith("." + BytecodeCacheOptions.ActorImportCacheTag311 + ".pyc", path, StringComparison.Ordinal));
        Assert.Equal(before, Snapshot(Tree.Root).Where(before.Contains).ToHashSet());
    }

    [Fact]
    public void WithAPrefixNothingIsWrittenOutsideIt()
    {
        string zip = WriteTree();
        using var prefix = new Engine.TempTree();
        HashSet<string> before = Snapshot(Tree.Root);
        var cache = BytecodeCacheOptions.ActorImport311 with { PycachePrefix = prefix.Root };
        ImportEngine engine = NewEngine(path: [Tree.Root, zip], configure: o => o with { CompiledCache = cache });
        ImportAll(engine);
        Assert.Equal(before, Snapshot(Tree.Root));
        Assert.NotEmpty(Directory.EnumerateFiles(prefix.Root, "*.pyc", SearchOption.AllDirectories));
    }
}

public sealed class SecurityFileTestsUnderActors : SecurityFileTests
{
    protected override CoordinationMode Mode => CoordinationMode.Actors;
}

public sealed class SecurityFileTestsUnderLocks : SecurityFileTests
{
    protected override CoordinationMode Mode => CoordinationMode.Locks;
}

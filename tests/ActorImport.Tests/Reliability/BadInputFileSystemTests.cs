using System.Text.Json;
using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Reliability;

/// <summary>
/// The file system misbehaving under the finders: directories without read permission, a file
/// or a whole path entry that disappears after the finder listed it (its cached listing still
/// says it is there), symlink loops. Each compared with python3 doing the same steps in one process.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public abstract class BadInputFileSystemTests : BadInputTestBase
{
    /// <summary>
    /// True when <c>chmod 000</c> actually denies this process (not root, not a file system that
    /// ignores modes). Tests still compare with python3 when it does not — both then read the
    /// directory — and say so in their output rather than pretend the denial was exercised.
    /// </summary>
    private bool ChmodDenies()
    {
        string probe = Tree["chmod-probe"];
        Directory.CreateDirectory(probe);
        File.SetUnixFileMode(probe, UnixFileMode.None);
        try
        {
            Directory.GetFiles(probe);
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
        finally
        {
            File.SetUnixFileMode(probe, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [PythonFact]
    public void DirectoriesWithoutReadPermissionAreTreatedAsInCPython()
    {
        Tree.Write("locked_entry/in_locked.py", "X = 1\n");
        Tree.Write("locked_pkg/__init__.py", "");
        Tree.Write("locked_pkg/sub.py", "X = 2\n");
        Tree.Write("unreadable.py", "X = 3\n");
        bool denies = ChmodDenies();
        File.SetUnixFileMode(Tree["locked_entry"], UnixFileMode.None);
        File.SetUnixFileMode(Tree["locked_pkg"], UnixFileMode.None);
        File.SetUnixFileMode(Tree["unreadable.py"], UnixFileMode.None);
        try
        {
            string[] path = [Tree["locked_entry"], Tree.Root];
            string[] names = ["in_locked", "locked_pkg", "locked_pkg.sub", "unreadable"];
            ImportOutcome[] cpython = BadInputOracle.Import(path, names);
            ImportEngine engine = NewEngine(path: path);
            for (int i = 0; i < names.Length; i++)
            {
                AssertSame(cpython[i], ImportOutcome.Of(engine, names[i]), names[i] + (denies ? "" : " (chmod does not deny this process: running as root?)"));
            }
            StillImportsAGoodModule(engine);
        }
        finally
        {
            foreach (string p in new[] { "locked_entry", "locked_pkg" })
            {
                File.SetUnixFileMode(Tree[p], UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            File.SetUnixFileMode(Tree["unreadable.py"], UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>
    /// The finder listed the directory (importing <c>first</c>), then <c>gone.py</c> and the whole
    /// entry <c>entry2</c> are deleted and the directories' mtimes put back, so the cached
    /// listings still hold them: CPython's answer for each, in the same process.
    /// </summary>
    [PythonFact]
    public void AFileOrEntryThatVanishesAfterListingEndsAsInCPython()
    {
        Tree.Write("first.py", "");
        Tree.Write("gone.py", "X = 1\n");
        Tree.Write("gone_pkg/__init__.py", "");
        Tree.Write("entry2/second.py", "");
        Tree.Write("entry2/vanished_with_entry.py", "");
        DateTime rootTime = new DirectoryInfo(Tree.Root).LastWriteTimeUtc;
        string[] path = [Tree.Root, Tree["entry2"]];

        JsonElement cpython = PythonOracle.RunJson("""
            import sys, os, json, shutil, importlib
            root, entry2 = sys.argv[1], sys.argv[2]
            sys.path[0:0] = [root, entry2]
            import first, second
            st = os.stat(root)
            os.remove(os.path.join(root, 'gone.py'))
            shutil.rmtree(os.path.join(root, 'gone_pkg'))
            shutil.rmtree(entry2)
            os.utime(root, ns=(st.st_atime_ns, st.st_mtime_ns))
            out = []
            for name in ['gone', 'gone_pkg', 'vanished_with_entry']:
                try:
                    importlib.import_module(name); out.append({'ok': True})
                except BaseException as e:
                    out.append({'ok': False, 'type': type(e).__name__, 'str': str(e)})
            print(json.dumps(out))
            """, path, flags: "-I -S -B");

        // The tree again (python3 removed the files), then the engine does the same steps.
        Tree.Write("gone.py", "X = 1\n");
        Tree.Write("gone_pkg/__init__.py", "");
        Tree.Write("entry2/second.py", "");
        Tree.Write("entry2/vanished_with_entry.py", "");
        ImportEngine engine = NewEngine(path: path);
        engine.ImportModule("first");
        engine.ImportModule("second");
        rootTime = new DirectoryInfo(Tree.Root).LastWriteTimeUtc;
        File.Delete(Tree["gone.py"]);
        Directory.Delete(Tree["gone_pkg"], recursive: true);
        Directory.Delete(Tree["entry2"], recursive: true);
        Directory.SetLastWriteTimeUtc(Tree.Root, rootTime);
        string[] names = ["gone", "gone_pkg", "vanished_with_entry"];
        for (int i = 0; i < names.Length; i++)
        {
            JsonElement expected = cpython[i];
            ImportOutcome ours = ImportOutcome.Of(engine, names[i]);
            var theirs = expected.GetProperty("ok").GetBoolean()
                ? new ImportOutcome(true)
                : new ImportOutcome(false, expected.GetProperty("type").GetString(), expected.GetProperty("str").GetString());
            AssertSame(theirs, ours with { File = null, Name = null }, names[i]);
        }
        StillImportsAGoodModule(engine);
    }

    [PythonFact]
    public void SymlinkLoopsEndAsInCPython()
    {
        Tree.Write("pk/__init__.py", "");
        File.CreateSymbolicLink(Tree["loop"], Tree["loop"]);
        File.CreateSymbolicLink(Tree["l1.py"], Tree["l2.py"]);
        File.CreateSymbolicLink(Tree["l2.py"], Tree["l1.py"]);
        Directory.CreateSymbolicLink(Tree["pk/self"], Tree["pk"]);
        File.CreateSymbolicLink(Tree["loop_pkg"], Tree["loop_pkg"]);
        string[] path = [Tree["loop"], Tree.Root];
        string[] names = ["loop", "l1", "l2", "pk.self", "pk.self.self.self.self", "loop_pkg", "loop_pkg.x", "anything"];
        ImportOutcome[] cpython = BadInputOracle.Import(path, names);
        ImportEngine engine = NewEngine(path: path);
        for (int i = 0; i < names.Length; i++)
        {
            AssertSame(cpython[i], ImportOutcome.Of(engine, names[i]), names[i]);
        }
        StillImportsAGoodModule(engine);
    }
}

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BadInputFileSystemTestsUnderActors : BadInputFileSystemTests
{
    protected override CoordinationMode Mode => CoordinationMode.Actors;
}

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BadInputFileSystemTestsUnderLocks : BadInputFileSystemTests
{
    protected override CoordinationMode Mode => CoordinationMode.Locks;
}

using System.Text.Json;
using ActorImport.Discovery;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Discovery;

/// <summary>
/// Bytecode inside zips (fresh, stale, bad, bytecode-only; the archive is built by python3 with
/// its own <c>py_compile</c>) and the <c>''</c> entry (the current directory), each against
/// python3's answer.
/// </summary>
public sealed class ZipBytecodeAndCwdTests
{
    [PythonFact]
    public void BytecodeInAZipIsChosenAsZipimportChoosesIt()
    {
        using var layout = new TempLayout();
        string zip = layout["code.zip"];
        string script = FindSpecOracle.SnapScript + """

            import zipfile, py_compile, os, time
            work = os.path.join(os.path.dirname(sys.argv[1]), 'src')
            os.makedirs(work)
            def source(name, text='x = 1\n'):
                p = os.path.join(work, name + '.py')
                with open(p, 'w') as f:
                    f.write(text)
                return p
            def compiled(name):
                c = os.path.join(work, name + '.pyc')
                py_compile.compile(os.path.join(work, name + '.py'), cfile=c, doraise=True)
                return c
            # zip members carry the file's mtime, rounded to 2 s by the DOS format
            old = time.time() - 3600
            with zipfile.ZipFile(sys.argv[1], 'w') as z:
                for name in ['fresh', 'stale', 'onlyc']:
                    p = source(name)
                    os.utime(p, (old, old))
                    c = compiled(name)
                    z.write(c, name + '.pyc')
                    if name == 'stale':
                        source(name, 'x = 22222\n')  # another size: the .pyc no longer matches
                    if name != 'onlyc':
                        z.write(os.path.join(work, name + '.py'), name + '.py')
                z.writestr('bad.pyc', b'\0\0\0\0' + b'\0' * 12)
                z.writestr('bad.py', 'x = 1\n')
                z.writestr('worse.pyc', b'\0\0\0\0' + b'\0' * 12)
            sys.path.insert(0, sys.argv[1])
            res = {}
            for n in ['fresh', 'stale', 'onlyc', 'bad', 'worse']:
                res[n] = attempt(lambda: importlib.util.find_spec(n))
            res['path'] = list(sys.path)
            print(json.dumps(res))
            """;
        JsonElement py = PythonOracle.RunJson(script, [zip], flags: "-I -S");
        FinderState state = FinderState.CreateDefault(py.GetProperty("path").EnumerateArray().Select(e => e.GetString()!), stdlibDirectory: PythonOracle.Stdlib);
        foreach (string name in new[] { "fresh", "stale", "onlyc", "bad", "worse" })
        {
            string expected = FindSpecOracle.Canonical(py.GetProperty(name));
            string actual = FindSpecOracle.Attempt(() => SpecFinder.FindSpec(state, name));
            Assert.True(expected == actual, $"{name}: CPython {expected}, ours {actual}");
        }
    }

    [PythonFact]
    public void EmptyEntryIsTheCurrentDirectoryAndIsCachedUnderIt()
    {
        using var layout = new TempLayout();
        string cwd = layout.Dir("cwd");
        layout.File("cwd/here.py");
        string script = FindSpecOracle.SnapScript + """

            import os
            sys.path.insert(0, '')
            res = {'spec': attempt(lambda: importlib.util.find_spec('here')),
                   'keys': ['' in sys.path_importer_cache, os.getcwd() in sys.path_importer_cache],
                   'cwd': os.getcwd(), 'path': list(sys.path)}
            print(json.dumps(res))
            """;
        JsonElement py = PythonOracle.RunJson(script, flags: "-I -S", workingDirectory: cwd);
        string pythonCwd = py.GetProperty("cwd").GetString()!;
        FinderState state = FinderState.CreateDefault(
            py.GetProperty("path").EnumerateArray().Select(e => e.GetString()!), stdlibDirectory: PythonOracle.Stdlib, currentDirectory: () => pythonCwd);
        Assert.Equal(FindSpecOracle.Canonical(py.GetProperty("spec")), FindSpecOracle.Attempt(() => SpecFinder.FindSpec(state, "here")));
        Assert.Equal(
            py.GetProperty("keys").EnumerateArray().Select(e => e.GetBoolean()),
            new[] { state.PathImporterCache.ContainsKey(""), state.PathImporterCache.ContainsKey(pythonCwd) });
    }
}

using System.Text.Json;
using ActorImport.Discovery;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Discovery;

/// <summary>
/// Small path layouts in a temporary directory, each answered by python3 (<c>-I -S</c>, the
/// layout's entries put first on <c>sys.path</c>) and by this engine on the same path.
/// </summary>
public sealed class PathLayoutTests
{
    /// <summary>Runs CPython: <c>sys.path[:0] = argv</c>, then <paramref name="body"/> fills <c>res</c>.</summary>
    private static JsonElement CPython(string body, params string[] entries) =>
        PythonOracle.RunJson(FindSpecOracle.SnapScript + "\nsys.path[:0] = sys.argv[1:]\nres = {'path': list(sys.path)}\n" + body + "\nprint(json.dumps(res))\n", entries, flags: "-I -S");

    private static FinderState Engine(JsonElement cpython) =>
        FinderState.CreateDefault(cpython.GetProperty("path").EnumerateArray().Select(e => e.GetString()!), stdlibDirectory: PythonOracle.Stdlib);

    private static void Same(JsonElement cpython, string key, string ours) =>
        Assert.Equal(FindSpecOracle.Canonical(cpython.GetProperty(key)), ours);

    [PythonFact]
    public void NamespacePackageSplitAcrossTwoEntries()
    {
        using var layout = new TempLayout();
        layout.File("a/nsp/one.py");
        layout.File("b/nsp/two.py");
        layout.File("b/nsp/sub/three.py");
        JsonElement py = CPython("""
            res['nsp'] = attempt(lambda: importlib.util.find_spec('nsp'))
            res['nsp.one'] = attempt(lambda: importlib.util.find_spec('nsp.one'))
            res['nsp.two'] = attempt(lambda: importlib.util.find_spec('nsp.two'))
            res['nsp.sub'] = attempt(lambda: importlib.util.find_spec('nsp.sub'))
            res['nsp.sub.three'] = attempt(lambda: importlib.util.find_spec('nsp.sub.three'))
            """, layout["a"], layout["b"]);
        FinderState state = Engine(py);

        foreach (string name in new[] { "nsp", "nsp.one", "nsp.two", "nsp.sub", "nsp.sub.three" })
        {
            Same(py, name, FindSpecOracle.Attempt(() => SpecFinder.FindSpec(state, name)));
        }
    }

    [PythonFact]
    public void RegularPackageLaterOnThePathBeatsEarlierPortions()
    {
        using var layout = new TempLayout();
        layout.Dir("a/pkg");
        layout.File("b/pkg/__init__.py");
        JsonElement py = CPython("res['pkg'] = attempt(lambda: importlib.util.find_spec('pkg'))", layout["a"], layout["b"]);
        Same(py, "pkg", FindSpecOracle.Attempt(() => SpecFinder.FindSpec(Engine(py), "pkg")));
    }

    [PythonFact]
    public void NamespacePathGrowsWhenSysPathGrows()
    {
        using var layout = new TempLayout();
        layout.File("a/nsg/one.py");
        layout.File("b/nsg/two.py");
        JsonElement py = CPython("""
            s = importlib.util.find_spec('nsg')
            res['before'] = list(s.submodule_search_locations)
            import os
            sys.path.append(os.path.join(os.path.dirname(sys.argv[1]), 'b'))
            res['after'] = list(s.submodule_search_locations)
            """, layout["a"]);
        FinderState state = Engine(py);
        var spec = SpecFinder.FindSpec(state, "nsg")!;
        Assert.Equal(py.GetProperty("before").EnumerateArray().Select(e => e.GetString()), spec.SubmoduleSearchLocations!.ToList());
        state.Path.Add(layout["b"]);
        Assert.Equal(py.GetProperty("after").EnumerateArray().Select(e => e.GetString()), spec.SubmoduleSearchLocations!.ToList());
    }

    [PythonFact]
    public void PackageModuleAndNamespaceInsideAZip()
    {
        using var layout = new TempLayout();
        string zip = layout.Zip("lib/a.zip", "zmod.py", "zpkg/__init__.py", "zpkg/inner.py", "zns/", "zns/leaf.py", "sub/", "sub/deep.py");
        JsonElement py = CPython("""
            for n in ['zmod', 'zpkg', 'zpkg.inner', 'zns', 'zns.leaf', 'deep', 'nothere']:
                res[n] = attempt(lambda: importlib.util.find_spec(n))
            res['finder'] = repr(sys.path_importer_cache.get(sys.argv[1]))
            res['sub_finder'] = repr(sys.path_importer_cache.get(sys.argv[2]))
            """, zip, zip + "/sub");
        FinderState state = Engine(py);
        foreach (string name in new[] { "zmod", "zpkg", "zpkg.inner", "zns", "zns.leaf", "deep", "nothere" })
        {
            Same(py, name, FindSpecOracle.Attempt(() => SpecFinder.FindSpec(state, name)));
        }
        state.PathImporterCache.TryGetValue(zip, out var finder);
        state.PathImporterCache.TryGetValue(zip + "/sub", out var subFinder);
        Assert.Equal(py.GetProperty("finder").GetString(), finder?.ToString());
        Assert.Equal(py.GetProperty("sub_finder").GetString(), subFinder?.ToString());
    }

    [PythonFact]
    public void NewFileIsFoundAfterInvalidateCaches()
    {
        using var layout = new TempLayout();
        string dir = layout.Dir("d");
        layout.File("d/existing.py");
        string created = layout["d/fresh.py"];
        JsonElement py = CPython("""
            res['first'] = attempt(lambda: importlib.util.find_spec('fresh'))
            open(sys.argv[2], 'w').close()
            importlib.invalidate_caches()
            res['second'] = attempt(lambda: importlib.util.find_spec('fresh'))
            """, dir, created);
        File.Delete(created);

        FinderState state = Engine(py);
        Same(py, "first", FindSpecOracle.Attempt(() => SpecFinder.FindSpec(state, "fresh")));
        File.WriteAllText(created, "");
        state.InvalidateCaches();
        Same(py, "second", FindSpecOracle.Attempt(() => SpecFinder.FindSpec(state, "fresh")));
    }

    [Fact]
    public void ListingIsReusedUntilInvalidatedWhenTheMtimeDoesNotMove()
    {
        using var layout = new TempLayout();
        string dir = layout.Dir("d");
        var finder = new FileFinder(dir);
        DateTime mtime = Directory.GetLastWriteTimeUtc(dir);
        Assert.Null(finder.FindSpec("late"));
        layout.File("d/late.py");
        Directory.SetLastWriteTimeUtc(dir, mtime); // same tick: the cached listing stays valid
        Assert.Null(finder.FindSpec("late"));
        finder.InvalidateCaches();
        Assert.Equal(layout["d/late.py"], finder.FindSpec("late")!.Origin);
    }

    [PythonFact]
    public void EntryNoHookAcceptsIsCachedAsNone()
    {
        using var layout = new TempLayout();
        string missing = layout["does-not-exist"];
        string plainFile = layout.File("plain.txt", "not a zip");
        JsonElement py = CPython("""
            res['spec'] = attempt(lambda: importlib.util.find_spec('nowhere_xyz'))
            res['cached'] = {e: (e in sys.path_importer_cache, repr(sys.path_importer_cache.get(e, 'absent'))) for e in sys.argv[1:]}
            importlib.invalidate_caches()
            res['after_invalidate'] = [e in sys.path_importer_cache for e in sys.argv[1:]]
            """, missing, plainFile);
        FinderState state = Engine(py);
        Same(py, "spec", FindSpecOracle.Attempt(() => SpecFinder.FindSpec(state, "nowhere_xyz")));
        foreach (string entry in new[] { missing, plainFile })
        {
            JsonElement expected = py.GetProperty("cached").GetProperty(entry);
            bool present = state.PathImporterCache.TryGetValue(entry, out var finder);
            Assert.Equal(expected[0].GetBoolean(), present);
            Assert.Equal(expected[1].GetString(), finder is null ? "None" : finder.ToString());
        }
        state.InvalidateCaches();
        Assert.Equal(
            py.GetProperty("after_invalidate").EnumerateArray().Select(e => e.GetBoolean()),
            new[] { missing, plainFile }.Select(state.PathImporterCache.ContainsKey));
    }

    [PythonFact]
    public void ExtensionBeatsSourceBeatsBytecodeAndPackageBeatsModule()
    {
        using var layout = new TempLayout();
        layout.File("d/both.py");
        layout.File("d/both.pyc");
        layout.File("d/ext.py");
        layout.File("d/ext.cpython-311-x86_64-linux-gnu.so");
        layout.File("d/onlyc.pyc");
        layout.File("d/dual/__init__.py");
        layout.File("d/dual.py");
        layout.File("d/Case.py");
        JsonElement py = CPython("""
            import importlib.machinery
            for n in ['both', 'ext', 'onlyc', 'dual', 'case', 'Case']:
                res[n] = attempt(lambda: importlib.machinery.PathFinder.find_spec(n, [sys.argv[1]]))
            """, layout["d"]);
        FinderState state = Engine(py);
        var finder = new PathFinder(state);
        foreach (string name in new[] { "both", "ext", "onlyc", "dual", "case", "Case" })
        {
            Same(py, name, FindSpecOracle.Attempt(() => finder.FindSpec(name, [layout["d"]])));
        }
    }

    [PythonFact]
    public void BuiltinAndFrozenSpecs()
    {
        JsonElement py = CPython("""
            from importlib.machinery import BuiltinImporter, FrozenImporter
            for n in ['sys', 'posix', '_imp', 'os', 'zipimport', '__phello__', '__phello__.spam', '__phello_alias__', '__hello_only__']:
                res[n] = attempt(lambda: BuiltinImporter.find_spec(n) or FrozenImporter.find_spec(n))
                s = FrozenImporter.find_spec(n)
                res[n + ':state'] = None if s is None else [s.loader_state.filename, s.loader_state.origname]
            """);
        FinderState state = Engine(py);
        var builtin = new BuiltinImporter();
        var frozen = new FrozenImporter(PythonOracle.Stdlib);
        foreach (string name in new[] { "sys", "posix", "_imp", "os", "zipimport", "__phello__", "__phello__.spam", "__phello_alias__", "__hello_only__" })
        {
            Same(py, name, FindSpecOracle.Attempt(() => builtin.FindSpec(name, null) ?? frozen.FindSpec(name, null)));
            var loaderState = frozen.FindSpec(name, null)?.LoaderState as FrozenLoaderState;
            JsonElement expected = py.GetProperty(name + ":state");
            Assert.Equal(
                expected.ValueKind == JsonValueKind.Null ? null : new[] { expected[0].GetString(), expected[1].GetString() },
                loaderState is null ? null : new[] { loaderState.Filename, loaderState.OriginalName });
        }
        _ = state;
    }
}

using System.Text.Json;
using ActorImport.Discovery;
using ActorImport.Loading;
using ActorImport.Model;
using ActorImport.Tests.Conformance;
using ActorImport.Tests.Discovery;

namespace ActorImport.Tests.Loading;

/// <summary>
/// The finding side of the file loaders (<c>is_package</c>, <c>get_filename</c>,
/// <c>get_source</c>, <c>get_data</c>) against python3's loaders for the same files.
/// </summary>
public sealed class FileLoaderTests
{
    [PythonFact]
    public void LoadersAnswerAsCPythonsDo()
    {
        using var layout = new TempLayout();
        layout.File("d/pkg/__init__.py", "# package\n");
        File.WriteAllBytes(layout["d/latin.py"], [.. "# -*- coding: latin-1 -*-\r\ns = '"u8, 0xe9, .. "'\r\n"u8]);
        layout.File("d/__init__.py", "");
        string script = FindSpecOracle.SnapScript + """

            from importlib.machinery import PathFinder
            d = sys.argv[1]
            res = {}
            for name in ['pkg', 'latin']:
                s = PathFinder.find_spec(name, [d])
                res[name] = {'is_package': s.loader.is_package(name), 'filename': s.loader.get_filename(name),
                             'source': s.loader.get_source(name), 'data': list(s.loader.get_data(s.origin))}
            print(json.dumps(res))
            """;
        JsonElement py = PythonOracle.RunJson(script, [layout["d"]], flags: "-I -S");
        var finder = new PathFinder(FinderState.CreateDefault([]));
        foreach (string name in new[] { "pkg", "latin" })
        {
            var loader = (SourceFileLoader)finder.FindSpec(name, [layout["d"]])!.Loader!;
            JsonElement expected = py.GetProperty(name);
            Assert.Equal(expected.GetProperty("is_package").GetBoolean(), loader.IsPackage(name));
            Assert.Equal(expected.GetProperty("filename").GetString(), loader.GetFilename(name));
            Assert.Equal(expected.GetProperty("source").GetString(), loader.GetSource(name));
            Assert.Equal(expected.GetProperty("data").EnumerateArray().Select(e => (byte)e.GetInt32()), loader.GetData(loader.Path));
        }
    }

    [Fact]
    public void ALoaderOnlyAnswersForItsOwnModule()
    {
        var loader = new SourceFileLoader("a", "/x/a.py");
        var error = Assert.Throws<ImportError>(() => loader.GetFilename("b"));
        Assert.Equal("loader for a cannot handle b", error.Message);
        Assert.False(loader.IsPackage("a"));
        Assert.True(new ExtensionFileLoader("p", "/x/p/__init__.abi3.so").IsPackage("p"));
        Assert.False(new SourceFileLoader("p.__init__", "/x/p/__init__.py").IsPackage("p.__init__"));
    }
}

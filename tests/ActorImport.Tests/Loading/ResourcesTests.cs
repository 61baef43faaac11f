using System.IO.Compression;
using System.Text;
using System.Text.Json;
using ActorImport.Loading;
using ActorImport.Loading.Resources;
using ActorImport.Model;
using ActorImport.Tests.Conformance;
using ActorImport.Tests.Model;

namespace ActorImport.Tests.Loading;

/// <summary>
/// importlib.resources over a directory package, a zip package and a namespace package, compared
/// with python3 importing the same temporary tree.
/// </summary>
public sealed class ResourcesTests : IDisposable
{
    private static readonly byte[] Data = Encoding.UTF8.GetBytes("line1\r\nline2\rline3\ncaf\u00e9\r");
    private static readonly byte[] Binary = [0, 1, 2, 0xff, 0x0d, 0x0a];
    private static readonly byte[] Latin = [0x63, 0x61, 0x66, 0xe9, 0x0a];

    private readonly string _root = Directory.CreateTempSubdirectory("actorimport-res-").FullName;

    public ResourcesTests()
    {
        foreach ((string relative, byte[] content) in Tree("rpkg"))
        {
            string path = Path.Combine(_root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
        }
        // The zip has no directory entries: its directories are implied by member names.
        using (ZipArchive zip = ZipFile.Open(Path.Combine(_root, "a.zip"), ZipArchiveMode.Create))
        {
            foreach ((string relative, byte[] content) in Tree("zpkg"))
            {
                using Stream stream = zip.CreateEntry(relative).Open();
                stream.Write(content);
            }
        }
        foreach ((string relative, string text) in new[] { ("n1/nsres/a.txt", "a from n1"), ("n2/nsres/a.txt", "a from n2"), ("n2/nsres/b.txt", "b") })
        {
            string path = Path.Combine(_root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static IEnumerable<(string, byte[])> Tree(string package) =>
    [
        ($"{package}/__init__.py", []),
        ($"{package}/plain.py", []),
        ($"{package}/data.txt", Data),
        ($"{package}/bin.dat", Binary),
        ($"{package}/latin.txt", Latin),
        ($"{package}/sub/inner.txt", "inner\n"u8.ToArray()),
        ($"{package}/sub/deeper/x.txt", "x"u8.ToArray()),
    ];

    private const string Script = """
        import sys, json, warnings, importlib, importlib.resources as r
        root = sys.argv[1]
        sys.path[:0] = [root, root + '/a.zip', root + '/n1', root + '/n2']
        warnings.simplefilter('ignore')
        def attempt(f):
            try:
                v = f()
                return {'value': v.hex() if isinstance(v, bytes) else v}
            except Exception as e:
                return {'error': [type(e).__name__, str(e)]}
        out = {}
        for name in ('rpkg', 'zpkg'):
            pkg = importlib.import_module(name)
            f = r.files(pkg)
            out[name] = {
                'root': [f.name, f.is_dir(), f.is_file()],
                'list': sorted(c.name for c in f.iterdir()),
                'data_bytes': attempt(lambda: f.joinpath('data.txt').read_bytes()),
                'data_text': attempt(lambda: f.joinpath('data.txt').read_text()),
                'data_kind': [f.joinpath('data.txt').is_file(), f.joinpath('data.txt').is_dir()],
                'binary': attempt(lambda: (f / 'bin.dat').read_bytes()),
                'sub_kind': [f.joinpath('sub').is_file(), f.joinpath('sub').is_dir(), f.joinpath('sub').name],
                'sub_list': sorted(c.name for c in f.joinpath('sub').iterdir()),
                'inner': attempt(lambda: f.joinpath('sub', 'inner.txt').read_text()),
                'deep': attempt(lambda: f.joinpath('sub').joinpath('deeper').joinpath('x.txt').read_text()),
                'missing_kind': [f.joinpath('missing.txt').is_file(), f.joinpath('missing.txt').is_dir()],
                'missing_read': attempt(lambda: f.joinpath('missing.txt').read_bytes()),
                'legacy_text': attempt(lambda: r.read_text(pkg, 'data.txt')),
                'legacy_latin': attempt(lambda: r.read_text(pkg, 'latin.txt', encoding='latin-1')),
                'legacy_bad_utf8': attempt(lambda: r.read_text(pkg, 'latin.txt')),
                'legacy_nested': attempt(lambda: r.read_text(pkg, 'sub/inner.txt')),
                'legacy_binary': attempt(lambda: r.read_binary(pkg, 'bin.dat')),
                'not_package': attempt(lambda: str(r.files(importlib.import_module(name + '.plain')))),
            }
        ns = importlib.import_module('nsres')
        f = r.files(ns)
        out['nsres'] = {'list': sorted(c.name for c in f.iterdir()), 'a': f.joinpath('a.txt').read_text(),
                        'b': f.joinpath('b.txt').read_text(), 'kind': [f.is_dir(), f.is_file()],
                        'read': attempt(lambda: f.read_bytes())}
        print(json.dumps(out))
        """;

    [PythonFact]
    public void DirectoryAndZipPackagesMatchImportlibResources()
    {
        JsonElement oracle = PythonOracle.RunJson(Script, [_root]);
        string dirPackage = Path.Combine(_root, "rpkg");
        string zipPackage = Path.Combine(_root, "a.zip", "zpkg");
        Check(oracle.GetProperty("rpkg"), Package("rpkg", dirPackage), Module("rpkg.plain", dirPackage));
        Check(oracle.GetProperty("zpkg"), Package("zpkg", zipPackage), Module("zpkg.plain", zipPackage));

        JsonElement ns = oracle.GetProperty("nsres");
        var nsSpec = new ModuleSpec("nsres", null, isPackage: true)
        {
            SubmoduleSearchLocations = new List<string> { Path.Combine(_root, "n1", "nsres"), Path.Combine(_root, "n2", "nsres") },
        };
        ITraversable nsFiles = PackageResources.Files(ImportUtil.ModuleFromSpec(nsSpec));
        Assert.Equal(Strings(ns.GetProperty("list")), nsFiles.Iterdir().Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal(ns.GetProperty("a").GetString(), nsFiles.Joinpath("a.txt").ReadText());
        Assert.Equal(ns.GetProperty("b").GetString(), nsFiles.Joinpath("b.txt").ReadText());
        Assert.Equal([ns.GetProperty("kind")[0].GetBoolean(), ns.GetProperty("kind")[1].GetBoolean()], new[] { nsFiles.IsDir(), nsFiles.IsFile() });
        AssertOutcome(ns.GetProperty("read"), () => nsFiles.ReadBytes());
    }

    private static void Check(JsonElement want, ModuleObject package, ModuleObject plain)
    {
        ITraversable f = PackageResources.Files(package);
        JsonElement root = want.GetProperty("root");
        Assert.Equal(root[0].GetString(), f.Name);
        Assert.Equal(root[1].GetBoolean(), f.IsDir());
        Assert.Equal(root[2].GetBoolean(), f.IsFile());
        Assert.Equal(Strings(want.GetProperty("list")), f.Iterdir().Select(c => c.Name).Order(StringComparer.Ordinal));
        AssertOutcome(want.GetProperty("data_bytes"), () => f.Joinpath("data.txt").ReadBytes());
        AssertOutcome(want.GetProperty("data_text"), () => f.Joinpath("data.txt").ReadText());
        AssertBools(want.GetProperty("data_kind"), f.Joinpath("data.txt").IsFile(), f.Joinpath("data.txt").IsDir());
        AssertOutcome(want.GetProperty("binary"), () => f.Joinpath("bin.dat").ReadBytes());
        ITraversable sub = f.Joinpath("sub");
        AssertBools(want.GetProperty("sub_kind"), sub.IsFile(), sub.IsDir());
        Assert.Equal(want.GetProperty("sub_kind")[2].GetString(), sub.Name);
        Assert.Equal(Strings(want.GetProperty("sub_list")), sub.Iterdir().Select(c => c.Name).Order(StringComparer.Ordinal));
        AssertOutcome(want.GetProperty("inner"), () => f.Joinpath("sub", "inner.txt").ReadText());
        AssertOutcome(want.GetProperty("deep"), () => f.Joinpath("sub").Joinpath("deeper").Joinpath("x.txt").ReadText());
        AssertBools(want.GetProperty("missing_kind"), f.Joinpath("missing.txt").IsFile(), f.Joinpath("missing.txt").IsDir());
        AssertOutcome(want.GetProperty("missing_read"), () => f.Joinpath("missing.txt").ReadBytes());
        AssertOutcome(want.GetProperty("legacy_text"), () => PackageResources.ReadText(package, "data.txt"));
        AssertOutcome(want.GetProperty("legacy_latin"), () => PackageResources.ReadText(package, "latin.txt", "latin-1"));
        AssertOutcome(want.GetProperty("legacy_bad_utf8"), () => PackageResources.ReadText(package, "latin.txt"));
        AssertOutcome(want.GetProperty("legacy_nested"), () => PackageResources.ReadText(package, "sub/inner.txt"));
        AssertOutcome(want.GetProperty("legacy_binary"), () => PackageResources.ReadBinary(package, "bin.dat"));
        AssertOutcome(want.GetProperty("not_package"), () => PackageResources.Files(plain).ToString()!);
    }

    private static ModuleObject Package(string name, string directory)
    {
        string origin = directory + "/__init__.py";
        ModuleSpec spec = ImportUtil.SpecFromFileLocation(name, origin, new FakeFileLoader("SourceFileLoader", origin))!;
        Assert.Equal([directory], spec.SubmoduleSearchLocations!);
        return ImportUtil.ModuleFromSpec(spec);
    }

    private static ModuleObject Module(string name, string directory)
    {
        string origin = directory + "/plain.py";
        return ImportUtil.ModuleFromSpec(ImportUtil.SpecFromFileLocation(name, origin, new FakeFileLoader("SourceFileLoader", origin))!);
    }

    private static void AssertOutcome(JsonElement want, Func<object> act)
    {
        if (want.TryGetProperty("error", out JsonElement error))
        {
            var e = Assert.ThrowsAny<PythonException>(() => act());
            Assert.Equal(error[0].GetString(), e.TypeName);
            Assert.Equal(error[1].GetString(), e.Message);
            return;
        }
        object value = act();
        string actual = value is byte[] bytes ? Convert.ToHexStringLower(bytes) : (string)value;
        Assert.Equal(want.GetProperty("value").GetString(), actual);
    }

    private static void AssertBools(JsonElement want, params bool[] actual) =>
        Assert.Equal(want.EnumerateArray().Take(actual.Length).Select(e => e.GetBoolean()), actual);

    private static IEnumerable<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!);
}

using System.Text.Json;
using System.Text.RegularExpressions;
using ActorImport.Loading;
using ActorImport.Model;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Model;

/// <summary>
/// Specs and modules built the same way here and in python3, compared field by field: the spec's
/// repr, cached, parent, has_location, origin and search locations; the module's special
/// attributes in namespace order, their values and the module's repr. Loader addresses are masked.
/// </summary>
public partial class SpecConformanceTests
{
    private const string Script = """
        import sys, json, re, importlib.util as u, importlib.machinery as m
        class L:
            def create_module(self, spec): return None
            def exec_module(self, module): pass
            def __repr__(self): return '<L>'
        class P(L):
            def is_package(self, name): return True
        class E(L):
            def is_package(self, name): raise ImportError('no')
        class G(L):
            def __init__(self, path, package): self.path, self.package = path, package
            def get_filename(self, name): return self.path
            def is_package(self, name): return self.package
        class R(L):
            def get_filename(self, name): raise ImportError('no file')
        def namespace_spec():
            s = m.ModuleSpec('ns', None, is_package=True)
            s.submodule_search_locations = ['/a/ns', '/b/ns']
            return s
        cases = {
            'module_file': lambda: u.spec_from_file_location('mod', '/tmp/x/mod.py'),
            'package_init': lambda: u.spec_from_file_location('pkg', '/tmp/x/pkg/__init__.py'),
            'subpackage_init': lambda: u.spec_from_file_location('pkg.sub', '/tmp/x/pkg/sub/__init__.py'),
            'submodule_file': lambda: u.spec_from_file_location('pkg.sub.m', '/tmp/x/pkg/sub/m.py'),
            'sourceless_pyc': lambda: u.spec_from_file_location('old', '/tmp/x/old.pyc'),
            'explicit_search': lambda: u.spec_from_file_location('exp', '/tmp/x/exp.py', submodule_search_locations=[]),
            'explicit_none': lambda: u.spec_from_file_location('pkg', '/tmp/x/pkg/__init__.py', submodule_search_locations=None),
            'from_loader_no_origin': lambda: u.spec_from_loader('plain', L()),
            'from_loader_package': lambda: u.spec_from_loader('a.b', P()),
            'from_loader_is_package_error': lambda: u.spec_from_loader('a.c', E()),
            'from_loader_origin': lambda: u.spec_from_loader('a.d', L(), origin='somewhere'),
            'namespace_like': namespace_spec,
            'builtin': lambda: u.spec_from_loader('_abc', m.BuiltinImporter),
            'frozen': lambda: u.spec_from_loader('zipimport', m.FrozenImporter),
            'bare': lambda: m.ModuleSpec('bare', None),
            'loader_filename_package': lambda: u.spec_from_loader('gf', G('/tmp/x/gf/__init__.py', True)),
            'loader_filename_forced_module': lambda: u.spec_from_loader('gf', G('/tmp/x/gf/__init__.py', True), is_package=False),
            'loader_filename_forced_package': lambda: u.spec_from_loader('gm', G('/tmp/x/gm.py', False), is_package=True),
            'unknown_location': lambda: u.spec_from_file_location('unk', loader=L()),
            'filename_raises': lambda: u.spec_from_file_location('unk', loader=R()),
            'relative_location': lambda: u.spec_from_file_location('rel', 'rel/dir/rel.py'),
            'no_loader_for_suffix': lambda: u.spec_from_file_location('txt', '/tmp/x/data.txt'),
            'extension_module': lambda: u.spec_from_file_location('ext', '/tmp/x/ext.cpython-311-x86_64-linux-gnu.so'),
        }
        special = ['__name__', '__doc__', '__package__', '__loader__', '__spec__', '__path__', '__file__', '__cached__']
        mask = lambda s: re.sub(r'0x[0-9a-f]+', '0x?', s)
        out = {}
        for key in sys.argv[1:]:
            spec = cases[key]()
            if spec is None:
                out[key] = None
                continue
            before = {'repr': mask(repr(spec)), 'cached': spec.cached, 'parent': spec.parent, 'has_location': spec.has_location,
                      'origin': spec.origin,
                      'locations': None if spec.submodule_search_locations is None else list(spec.submodule_search_locations)}
            if key == 'extension_module':
                # ExtensionFileLoader.create_module would dlopen the file: compare the spec only.
                out[key] = {'spec': before}
                continue
            module = u.module_from_spec(spec)
            d = module.__dict__
            attrs = [k for k in d if k in special]
            values = {k: (mask(repr(d[k])) if k in ('__loader__', '__spec__') else (list(d[k]) if k == '__path__' else d[k]))
                      for k in attrs if k != '__doc__'}
            out[key] = {'spec': before, 'module_attrs': attrs, 'module_values': values, 'module_repr': mask(repr(module)),
                        'spec_repr_after': mask(repr(spec))}
        print(json.dumps(out))
        """;

    private static readonly string[] Special = ["__name__", "__doc__", "__package__", "__loader__", "__spec__", "__path__", "__file__", "__cached__"];

    private static readonly Dictionary<string, Func<ModuleSpec?>> Builders = new()
    {
        ["module_file"] = () => FromFile("mod", "/tmp/x/mod.py"),
        ["package_init"] = () => FromFile("pkg", "/tmp/x/pkg/__init__.py"),
        ["subpackage_init"] = () => FromFile("pkg.sub", "/tmp/x/pkg/sub/__init__.py"),
        ["submodule_file"] = () => FromFile("pkg.sub.m", "/tmp/x/pkg/sub/m.py"),
        ["sourceless_pyc"] = () => FromFile("old", "/tmp/x/old.pyc"),
        ["explicit_search"] = () => ImportUtil.SpecFromFileLocation("exp", "/tmp/x/exp.py", null, new List<string>(), SupportedLoaders),
        ["explicit_none"] = () => ImportUtil.SpecFromFileLocation("pkg", "/tmp/x/pkg/__init__.py", null, null, SupportedLoaders),
        ["from_loader_no_origin"] = () => ImportUtil.SpecFromLoader("plain", new PlainLoader("<L>")),
        ["from_loader_package"] = () => ImportUtil.SpecFromLoader("a.b", new PackageAnsweringLoader("<L>", _ => true)),
        ["from_loader_is_package_error"] = () => ImportUtil.SpecFromLoader("a.c", new PackageAnsweringLoader("<L>", _ => throw new ImportError("no"))),
        ["from_loader_origin"] = () => ImportUtil.SpecFromLoader("a.d", new PlainLoader("<L>"), origin: "somewhere"),
        ["namespace_like"] = () => new ModuleSpec("ns", null, isPackage: true) { SubmoduleSearchLocations = new List<string> { "/a/ns", "/b/ns" } },
        ["builtin"] = () => ImportUtil.SpecFromLoader("_abc", new FakeClassLoader(LoaderKind.BuiltIn, "_frozen_importlib.BuiltinImporter")),
        ["frozen"] = () => ImportUtil.SpecFromLoader("zipimport", new FakeClassLoader(LoaderKind.Frozen, "_frozen_importlib.FrozenImporter")),
        ["bare"] = () => new ModuleSpec("bare", null),
        ["loader_filename_package"] = () => ImportUtil.SpecFromLoader("gf", new FilenameLoader("/tmp/x/gf/__init__.py", true)),
        ["loader_filename_forced_module"] = () => ImportUtil.SpecFromLoader("gf", new FilenameLoader("/tmp/x/gf/__init__.py", true), isPackage: false),
        ["loader_filename_forced_package"] = () => ImportUtil.SpecFromLoader("gm", new FilenameLoader("/tmp/x/gm.py", false), isPackage: true),
        ["unknown_location"] = () => ImportUtil.SpecFromFileLocation("unk", loader: new PlainLoader("<L>")),
        ["filename_raises"] = () => ImportUtil.SpecFromFileLocation("unk", loader: new FilenameLoader(null, false)),
        ["relative_location"] = () => FromFile("rel", "rel/dir/rel.py"),
        ["no_loader_for_suffix"] = () => FromFile("txt", "/tmp/x/data.txt"),
        ["extension_module"] = () => FromFile("ext", "/tmp/x/ext.cpython-311-x86_64-linux-gnu.so"),
    };

    /// <summary>The table CPython's <c>_get_supported_file_loaders</c> would give, with stand-in loaders.</summary>
    private static readonly SupportedFileLoader[] SupportedLoaders =
    [
        new((name, path) => new FakeFileLoader("ExtensionFileLoader", path), [".cpython-311-x86_64-linux-gnu.so", ".abi3.so", ".so"]),
        new((name, path) => new FakeFileLoader("SourceFileLoader", path), [".py"]),
        new((name, path) => new FakeFileLoader("SourcelessFileLoader", path), [".pyc"]),
    ];

    private static readonly Lazy<JsonElement> Oracle = new(() => PythonOracle.RunJson(Script, Builders.Keys));

    public static IEnumerable<object[]> Cases => Builders.Keys.Select(k => new object[] { k });

    [PythonTheory]
    [MemberData(nameof(Cases))]
    public void SpecAndModuleMatchCPython(string key)
    {
        JsonElement expected = Oracle.Value.GetProperty(key);
        ModuleSpec? built = Builders[key]();
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.Null(built);
            return;
        }
        ModuleSpec spec = built ?? throw new InvalidOperationException($"no spec where CPython has one: {expected}");

        JsonElement s = expected.GetProperty("spec");
        Assert.Equal(s.GetProperty("repr").GetString(), Mask(spec.Repr()));
        Assert.Equal(s.GetProperty("cached").GetString(), spec.Cached);
        Assert.Equal(s.GetProperty("parent").GetString(), spec.Parent);
        Assert.Equal(s.GetProperty("has_location").GetBoolean(), spec.HasLocation);
        Assert.Equal(s.GetProperty("origin").GetString(), spec.Origin);
        AssertList(s.GetProperty("locations"), spec.SubmoduleSearchLocations);
        Assert.Equal(s.GetProperty("locations").ValueKind != JsonValueKind.Null, spec.IsPackage);

        if (!expected.TryGetProperty("module_attrs", out _))
        {
            return;
        }
        ModuleObject module = ImportUtil.ModuleFromSpec(spec);

        Assert.Equal(
            expected.GetProperty("module_attrs").EnumerateArray().Select(a => a.GetString()!),
            module.AttributeNames().Where(Special.Contains));
        foreach (JsonProperty value in expected.GetProperty("module_values").EnumerateObject())
        {
            object? actual = module.GetAttributeOrDefault(value.Name);
            switch (value.Name)
            {
                case "__loader__":
                case "__spec__":
                    Assert.Equal(value.Value.GetString(), Mask(PythonRepr.Of(actual)));
                    break;
                case "__path__":
                    AssertList(value.Value, actual as IList<string>);
                    Assert.Same(spec.SubmoduleSearchLocations, actual);
                    break;
                default:
                    Assert.Equal(value.Value.GetString(), (string?)actual);
                    break;
            }
        }
        Assert.Same(spec, module.Spec);
        Assert.Equal(expected.GetProperty("module_repr").GetString(), Mask(module.ToString()));
        Assert.Equal(expected.GetProperty("spec_repr_after").GetString(), Mask(spec.Repr()));
    }

    /// <summary>A loader with <c>get_filename</c> (null: it raises ImportError) and a fixed <c>is_package</c> answer.</summary>
    private sealed class FilenameLoader(string? path, bool package) : PlainLoader("<L>"), IExecutionLoader
    {
        public bool IsPackage(string fullname) => package;

        public string? GetSource(string fullname) => null;

        public string GetFilename(string fullname) => path ?? throw new ImportError("no file");
    }

    private static ModuleSpec? FromFile(string name, string location) =>
        ImportUtil.SpecFromFileLocation(name, location, supportedLoaders: SupportedLoaders);

    private static void AssertList(JsonElement expected, IList<string>? actual)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.Null(actual);
            return;
        }
        Assert.NotNull(actual);
        Assert.Equal(expected.EnumerateArray().Select(e => e.GetString()!), actual);
    }

    private static string Mask(string text) => Address().Replace(text, "0x?");

    [GeneratedRegex("0x[0-9a-f]+")]
    private static partial Regex Address();
}

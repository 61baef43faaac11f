namespace ActorImport.Stress.Load;

/// <summary>
/// The small universe of the randomised-call load (issue 11, "Load"): about thirty modules with
/// cycles, failing modules, packages and the shapes of four CPython concurrency bugs, written as
/// real <c>.py</c> files that python3 imports too. Every body that succeeds ends by binding
/// <c>DONE = True</c>, so a module returned before its body finished is visible.
/// <list type="bullet">
/// <item>gh-83065 (parent/child lock inversion): <c>dl.sub</c>'s <c>__init__</c> imports
///   <c>dl.sub.mod</c> while other chains import <c>dl.sub.mod</c> directly.</item>
/// <item>gh-130094 (spurious ModuleNotFoundError in parallel imports): <c>coll</c>'s
///   <c>__init__</c> stores <c>coll.abc</c> in <c>sys.modules</c> itself (as <c>collections</c>
///   does); no file <c>coll/abc.py</c> exists.</item>
/// <item>gh-149728 (lazy-submodule <c>__getattr__</c>): <c>lazypkg</c>'s module
///   <c>__getattr__</c> imports <c>lazypkg.sub</c> on first access; <c>uses_lazypkg</c> reads it.</item>
/// <item>gh-114763 (LazyLoader first access): <c>lzy</c> is loaded through
///   <c>importlib.util.LazyLoader</c> (the load installs <see cref="LazyLoaderFinder"/>);
///   <c>uses_lzy</c> reads its last attribute.</item>
/// </list>
/// Stateless.
/// </summary>
public static class LoadUniverse
{
    /// <summary>The expected outcome of importing a name: null for success, else "Type: message".</summary>
    public static IReadOnlyDictionary<string, string?> Expected { get; } = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["base0"] = null,
        ["base1"] = null,
        ["base2"] = null,
        ["chain"] = null,
        ["cyc_a"] = null,
        ["cyc_b"] = null,
        ["ring0"] = null,
        ["ring1"] = null,
        ["ring2"] = null,
        ["pkg"] = null,
        ["pkg.m1"] = null,
        ["pkg.m2"] = null,
        ["pkg.inner"] = null,
        ["pkg.inner.leaf"] = null,
        ["dl"] = null,
        ["dl.sub"] = null,
        ["dl.sub.mod"] = null,
        ["coll"] = null,
        ["coll.abc"] = null,
        ["lazypkg"] = null,
        ["lazypkg.sub"] = null,
        ["uses_lazypkg"] = null,
        ["lzy"] = null,
        ["uses_lzy"] = null,
        ["bad_value"] = "ValueError: bad_value fails",
        ["bad_import"] = "ImportError: bad_import fails",
        ["pkg.bad"] = "ValueError: pkg.bad fails",
        ["uses_bad"] = null,
        ["deep_bad"] = "ValueError: bad_value fails",
        ["missing_user"] = "ModuleNotFoundError: No module named 'no_such_module'",
    };

    /// <summary>Names whose module is not bound on its parent by the import itself (stored in sys.modules by the parent's body).</summary>
    public static IReadOnlySet<string> NotBoundOnParent { get; } = new HashSet<string>(StringComparer.Ordinal) { "coll.abc" };

    /// <summary>Names whose body does not end with <c>DONE = True</c> in the module the import returns.</summary>
    public static IReadOnlySet<string> WithoutDoneMark { get; } = new HashSet<string>(StringComparer.Ordinal) { "coll.abc" };

    /// <summary>Writes the universe under <paramref name="root"/> (its one search-path entry).</summary>
    public static void Write(string root)
    {
        void File(string relative, string source)
        {
            string path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            System.IO.File.WriteAllText(path, source);
        }

        File("base0.py", "V = 0\nDONE = True\n");
        File("base1.py", "import base0\nV = base0.V + 1\nDONE = True\n");
        File("base2.py", "from base1 import V as _v\nimport time\ntime.sleep(0.0005)\nV = _v + 1\nDONE = True\n");
        File("chain.py", "import base2\nimport pkg.m2\nfrom pkg import m1\nV = base2.V\nDONE = True\n");
        File("cyc_a.py", "A = 1\nimport cyc_b\nB = cyc_b.B\nDONE = True\n");
        File("cyc_b.py", "B = 2\nimport time\ntime.sleep(0.0005)\nimport cyc_a\nDONE = True\n");
        File("ring0.py", "R = 0\nimport ring1\nDONE = True\n");
        File("ring1.py", "R = 1\nimport ring2\nDONE = True\n");
        File("ring2.py", "R = 2\nimport ring0\nDONE = True\n");
        File("pkg/__init__.py", "P = 1\nfrom . import m1\nDONE = True\n");
        File("pkg/m1.py", "from . import m2\nM1 = 1\nDONE = True\n");
        File("pkg/m2.py", "import base1\nM2 = 2\nDONE = True\n");
        File("pkg/inner/__init__.py", "from .leaf import L\nDONE = True\n");
        File("pkg/inner/leaf.py", "import pkg\nL = 3\nDONE = True\n");
        File("pkg/bad.py", "import pkg.m1\nraise ValueError('pkg.bad fails')\n");
        File("dl/__init__.py", "DONE = True\n");
        File("dl/sub/__init__.py", "import time\ntime.sleep(0.0005)\nimport dl.sub.mod\nDONE = True\n");
        File("dl/sub/mod.py", "import time\ntime.sleep(0.0005)\nimport dl.sub\nV = 1\nDONE = True\n");
        File("coll/__init__.py", "import sys\nfrom . import _impl\nsys.modules['coll.abc'] = _impl\nDONE = True\n");
        File("coll/_impl.py", "A = 1\nDONE = True\n");
        File("lazypkg/__init__.py", "def __getattr__(name):\n    if name == 'sub':\n        import lazypkg.sub as sub\n        return sub\n    raise AttributeError(name)\nDONE = True\n");
        File("lazypkg/sub.py", "import time\ntime.sleep(0.0005)\nS = 1\nDONE = True\n");
        File("uses_lazypkg.py", "import lazypkg\nS = lazypkg.sub.S\nDONE = True\n");
        File("lzy.py", "import time\ntime.sleep(0.0005)\nL = 1\nDONE = True\n");
        File("uses_lzy.py", "import lzy\nL = lzy.L\nDONE = lzy.DONE\n");
        File("bad_value.py", "import base0\nimport time\ntime.sleep(0.0005)\nraise ValueError('bad_value fails')\n");
        File("bad_import.py", "import base1\nraise ImportError('bad_import fails')\n");
        File("uses_bad.py", "try:\n    import bad_value\nexcept ValueError:\n    bad_value = None\ntry:\n    from pkg import bad\nexcept ValueError:\n    bad = None\nDONE = True\n");
        File("deep_bad.py", "import base2\nimport bad_value\nDONE = True\n");
        File("missing_user.py", "import base0\nimport no_such_module\nDONE = True\n");
    }
}

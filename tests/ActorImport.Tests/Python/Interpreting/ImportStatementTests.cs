using ActorImport.Model;
using ActorImport.Python.Interpreting.Values;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Python.Interpreting;

public class ImportStatementTests
{
    private static FakeImportSystem PackageTree() => new FakeImportSystem()
        .Write("pkg/__init__.py", "X = 1\n")
        .Write("pkg/sub/__init__.py", "Y = 2\n")
        .Write("pkg/sub/leaf.py", "Z = 3\n_private = 4\n")
        .Write("pkg/mod.py", "from . import sub\nfrom .sub import leaf as L\nfrom .sub.leaf import Z\nfrom .. import nothing_here\n")
        .Write("pkg/rel.py", "from . import sub\nfrom .sub import leaf as L\nfrom .sub.leaf import Z\nfrom .sub import Y as why\n");

    [PythonFact]
    public void ImportDottedBindsTheTopPackage()
    {
        using var fake = PackageTree().Write("main1.py", "import pkg.sub.leaf\n");
        ModuleObject main = fake.ImportModule("main1");
        Assert.Same(fake.SysModules["pkg"], main.GetAttributeOrDefault("pkg"));
        Assert.Equal(TreeOracle.BoundNames(fake.Root, "main1"), TreeOracle.BoundNames(main));
        Assert.Equal(["main1", "pkg", "pkg.sub", "pkg.sub.leaf"], fake.Executed);
    }

    [PythonFact]
    public void ImportAsBindsTheSubmoduleThroughAttributeWalk()
    {
        using var fake = PackageTree().Write("main2.py", "import pkg.sub.leaf as L\nimport pkg as P\n");
        ModuleObject main = fake.ImportModule("main2");
        Assert.Same(fake.SysModules["pkg.sub.leaf"], main.GetAttributeOrDefault("L"));
        Assert.Same(fake.SysModules["pkg"], main.GetAttributeOrDefault("P"));
        Assert.Equal(TreeOracle.BoundNames(fake.Root, "main2"), TreeOracle.BoundNames(main));
    }

    [PythonFact]
    public void FromImportsNamesAndSubmodules()
    {
        using var fake = PackageTree().Write("main3.py", "from pkg import X, sub\nfrom pkg.sub import leaf, Y as yy\nfrom pkg.sub.leaf import Z as zz\n");
        ModuleObject main = fake.ImportModule("main3");
        Assert.Equal(1L, main.GetAttributeOrDefault("X"));
        Assert.Same(fake.SysModules["pkg.sub.leaf"], main.GetAttributeOrDefault("leaf"));
        Assert.Equal(TreeOracle.BoundNames(fake.Root, "main3"), TreeOracle.BoundNames(main));
        Assert.Equal(TreeOracle.Reprs(fake.Root, "main3", "X", "yy", "zz"), TreeOracle.Reprs(main, "X", "yy", "zz"));
    }

    [PythonFact]
    public void RelativeImportsResolveAgainstThePackage()
    {
        using var fake = PackageTree();
        ModuleObject rel = fake.ImportModule("pkg.rel");
        Assert.Same(fake.SysModules["pkg.sub.leaf"], rel.GetAttributeOrDefault("L"));
        Assert.Equal(TreeOracle.BoundNames(fake.Root, "pkg.rel"), TreeOracle.BoundNames(rel));
        Assert.Equal(TreeOracle.Reprs(fake.Root, "pkg.rel", "Z", "why"), TreeOracle.Reprs(rel, "Z", "why"));
    }

    [PythonFact]
    public void RelativeImportBeyondTopLevelHasCPythonsText()
    {
        using var fake = PackageTree();
        var error = Assert.ThrowsAny<PythonException>(() => fake.ImportModule("pkg.mod"));
        Assert.Equal(TreeOracle.Error(fake.Root, "import pkg.mod"), (error.TypeName, error.Message));
    }

    [PythonFact]
    public void StarImportUsesAllWhenPresent()
    {
        using var fake = new FakeImportSystem()
            .Write("withall.py", "__all__ = ['a', '_b']\na = 1\n_b = 2\nc = 3\n")
            .Write("main4.py", "from withall import *\n");
        ModuleObject main = fake.ImportModule("main4");
        Assert.Equal(TreeOracle.BoundNames(fake.Root, "main4"), TreeOracle.BoundNames(main));
        Assert.Equal(["_b", "a"], TreeOracle.BoundNames(main));
    }

    [PythonFact]
    public void StarImportWithoutAllBindsPublicNames()
    {
        using var fake = new FakeImportSystem()
            .Write("noall.py", "import pkgless\na = 1\n_b = 2\ndef f(): pass\nclass C: pass\n")
            .Write("pkgless.py", "")
            .Write("main5.py", "from noall import *\n");
        ModuleObject main = fake.ImportModule("main5");
        Assert.Equal(TreeOracle.BoundNames(fake.Root, "main5"), TreeOracle.BoundNames(main));
    }

    [PythonFact]
    public void StarImportOfAMissingAllEntryIsCPythonsAttributeError()
    {
        using var fake = new FakeImportSystem()
            .Write("badall.py", "__all__ = ['a', 'nothere']\na = 1\n")
            .Write("main6.py", "from badall import *\n");
        var error = Assert.ThrowsAny<PythonException>(() => fake.ImportModule("main6"));
        Assert.Equal(TreeOracle.Error(fake.Root, "import main6"), (error.TypeName, error.Message));
    }

    [PythonFact]
    public void CannotImportNameHasCPythonsText()
    {
        using var fake = new FakeImportSystem()
            .Write("x.py", "a = 1\n")
            .Write("main7.py", "from x import y\n");
        var error = Assert.IsType<ImportError>(Assert.ThrowsAny<PythonException>(() => fake.ImportModule("main7")), exactMatch: false);
        Assert.Equal(TreeOracle.Error(fake.Root, "import main7"), (error.TypeName, error.Message));
        Assert.Equal("x", error.Name);
        Assert.EndsWith("x.py", error.Path);
    }

    [PythonFact]
    public void CircularFromImportHasThePartiallyInitializedText()
    {
        using var fake = new FakeImportSystem()
            .Write("circ_a.py", "from circ_b import B\nA = 1\n")
            .Write("circ_b.py", "from circ_a import A\nB = 2\n");
        var error = Assert.ThrowsAny<PythonException>(() => fake.ImportModule("circ_a"));
        Assert.Equal(TreeOracle.Error(fake.Root, "import circ_a"), (error.TypeName, error.Message));
        Assert.Contains("partially initialized module 'circ_a'", error.Message, StringComparison.Ordinal);
    }

    [PythonFact]
    public void UnknownLocationWhenTheModuleHasNoFile()
    {
        using var fake = new FakeImportSystem().Write("main8.py", "from nofile import y\n");
        fake.Put("nofile", new ModuleObject("nofile"));
        var error = Assert.ThrowsAny<PythonException>(() => fake.ImportModule("main8"));
        var expected = TreeOracle.Error(fake.Root, "import sys, types\nsys.modules['nofile'] = types.ModuleType('nofile')\nfrom nofile import y");
        Assert.Equal(expected, (error.TypeName, error.Message));
    }

    [PythonFact]
    public void FromImportFallsBackToSysModulesDuringACycle()
    {
        // pkg/__init__ imports pkg.a, which does "from pkg import b" before pkg binds b: the
        // fromlist imports pkg.b, then IMPORT_FROM finds it through sys.modules['pkg.b'].
        using var fake = new FakeImportSystem()
            .Write("cyc/__init__.py", "from . import a\n")
            .Write("cyc/a.py", "from cyc import b\nBOUND = b.VALUE\n")
            .Write("cyc/b.py", "VALUE = 'b'\n");
        ModuleObject a = (ModuleObject)fake.ImportModule("cyc").GetAttributeOrDefault("a")!;
        Assert.Equal("b", a.GetAttributeOrDefault("BOUND"));
        Assert.Equal(TreeOracle.BoundNames(fake.Root, "cyc.a"), TreeOracle.BoundNames(a));
    }

    [PythonFact]
    public void MissingModuleIsModuleNotFoundError()
    {
        using var fake = new FakeImportSystem().Write("main9.py", "import nonexistent_mod_xyz\n");
        var error = Assert.IsType<ModuleNotFoundError>(Assert.ThrowsAny<PythonException>(() => fake.ImportModule("main9")));
        Assert.Equal(TreeOracle.Error(fake.Root, "import main9"), (error.TypeName, error.Message));
    }

    [Fact]
    public void OpaqueValuesAreNotLiterals() => Assert.Null(PyOperators.Truth(OpaqueValue.Instance));
}

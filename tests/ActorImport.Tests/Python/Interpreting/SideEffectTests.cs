using System.Diagnostics;
using ActorImport.Model;
using ActorImport.Python.Interpreting;
using ActorImport.Python.Interpreting.Values;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Python.Interpreting;

public class SideEffectTests
{
    [Fact]
    public void SysModulesAssignmentAndDeletion()
    {
        using var fake = new FakeImportSystem()
            .Write("replacer.py", "import sys\nclass _Impl:\n    pass\nsys.modules['alias_name'] = sys.modules[__name__]\nsys.modules['gone'] = None\ndel sys.modules['gone']\nsys.modules[__name__] = _Impl\n");
        Assert.Throws<InvalidCastException>(() => fake.ImportModule("replacer"));
        Assert.IsType<ModuleObject>(fake.SysModules["alias_name"]);
        Assert.False(fake.SysModules.ContainsKey("gone"));
        Assert.IsType<PyClass>(fake.SysModules["replacer"]);
    }

    [PythonFact]
    public void DelOfAMissingSysModulesKeyIsKeyError()
    {
        using var fake = new FakeImportSystem().Write("delkey.py", "import sys\ndel sys.modules['never_there_xyz']\n");
        var error = Assert.ThrowsAny<PythonException>(() => fake.ImportModule("delkey"));
        Assert.Equal(TreeOracle.Error(fake.Root, "import delkey"), (error.TypeName, error.Message));
    }

    [Fact]
    public void ImportModuleAndDunderImportCallsImport()
    {
        using var fake = new FakeImportSystem()
            .Write("p/__init__.py", "")
            .Write("p/q.py", "Q = 1\n")
            .Write("p/r.py", "R = 2\n")
            .Write("dyn.py", "import importlib\nM = importlib.import_module('p.q')\nN = importlib.import_module('.r', 'p')\nO = __import__('p.q')\nimportlib.import_module('p')\nP = __import__('p.r', fromlist=['R'])\n");
        ModuleObject module = fake.ImportModule("dyn");
        Assert.Same(fake.SysModules["p.q"], module.GetAttributeOrDefault("M"));
        Assert.Same(fake.SysModules["p.r"], module.GetAttributeOrDefault("N"));
        Assert.Same(fake.SysModules["p"], module.GetAttributeOrDefault("O"));
        Assert.Same(fake.SysModules["p.r"], module.GetAttributeOrDefault("P"));
    }

    [PythonFact]
    public void ImportModuleOfARelativeNameWithoutPackageIsTypeError()
    {
        using var fake = new FakeImportSystem().Write("relnopkg.py", "import importlib\nimportlib.import_module('.x')\n");
        var error = Assert.ThrowsAny<PythonException>(() => fake.ImportModule("relnopkg"));
        Assert.Equal(TreeOracle.Error(fake.Root, "import relnopkg"), (error.TypeName, error.Message));
    }

    [Fact]
    public void ImportModuleWithANonLiteralIsReported()
    {
        using var fake = new FakeImportSystem().Write("nonlit.py", "import importlib, os\nM = importlib.import_module(os.environ['X'])\n");
        Assert.IsType<OpaqueValue>(fake.ImportModule("nonlit").GetAttributeOrDefault("M"));
        Assert.Contains(fake.Diagnostics, d => d.Kind == DiagnosticKind.UndecidedImport && d.Line == 2);
    }

    [Fact]
    public void TimeSleepReallySleeps()
    {
        using var fake = new FakeImportSystem().Write("sleepy.py", "import time\nfrom time import sleep\ntime.sleep(0.05)\nsleep(0.05)\n");
        var watch = Stopwatch.StartNew();
        fake.ImportModule("sleepy");
        Assert.True(watch.ElapsedMilliseconds >= 95, $"slept {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void ForOverALiteralRunsImportsPerItem()
    {
        using var fake = new FakeImportSystem()
            .Write("m1.py", "")
            .Write("m2.py", "")
            .Write("loops.py", "import importlib, os\nfor name in ('m1', 'm2'):\n    importlib.import_module(name)\nelse:\n    DONE = True\nfor x in os.listdir('.'):\n    import never\n__all__ = []\nfor n in ['a', 'b']:\n    __all__.append(n)\n");
        ModuleObject module = fake.ImportModule("loops");
        Assert.Equal(["loops", "m1", "m2"], fake.Executed);
        Assert.Equal(true, module.GetAttributeOrDefault("DONE"));
        Assert.Equal(new List<object?> { "a", "b" }, module.GetAttributeOrDefault("__all__"));
        Assert.Contains(fake.Diagnostics, d => d.Kind == DiagnosticKind.UndecidedLoop && d.Line == 6);
    }

    [Fact]
    public void WithBodiesExecute()
    {
        using var fake = new FakeImportSystem()
            .Write("inwith.py", "")
            .Write("withs.py", "import os\nwith os.scandir(ImportError) as cm:\n    import inwith\n");
        ModuleObject module = fake.ImportModule("withs");
        Assert.Contains("inwith", fake.Executed);
        Assert.IsType<OpaqueValue>(module.GetAttributeOrDefault("cm"));
    }

    [Fact]
    public void MatchIsReportedAndNoCaseRuns()
    {
        using var fake = new FakeImportSystem().Write("matches.py", "import sys\nmatch sys.platform:\n    case 'linux':\n        import never\n");
        fake.ImportModule("matches");
        Assert.Contains(fake.Diagnostics, d => d.Kind == DiagnosticKind.UndecidedMatch && d.Line == 2);
        Assert.DoesNotContain("never", fake.Executed);
    }

    [Fact]
    public void ListEditsOfAllAreFollowed()
    {
        using var fake = new FakeImportSystem()
            .Write("base.py", "__all__ = ['a']\na = 1\nb = 2\nc = 3\n__all__ += ['b']\n__all__.extend(('c',))\n")
            .Write("star.py", "from base import *\n");
        ModuleObject star = fake.ImportModule("star");
        Assert.Equal(["a", "b", "c"], TreeOracle.BoundNames(star));
    }

    [Fact]
    public void GlobalsEditsBindNamesOrMarkTheModuleUnknown()
    {
        using var fake = new FakeImportSystem()
            .Write("globs.py", "import os\nglobals()['A'] = 1\nglobals().update({'B': 2})\nglobals().update(os.environ)\n")
            .Write("useglobs.py", "from globs import A, B, ANYTHING\n");
        ModuleObject user = fake.ImportModule("useglobs");
        Assert.Equal(1L, user.GetAttributeOrDefault("A"));
        Assert.Equal(2L, user.GetAttributeOrDefault("B"));
        Assert.IsType<OpaqueValue>(user.GetAttributeOrDefault("ANYTHING"));
        Assert.Contains(fake.Diagnostics, d => d.Kind == DiagnosticKind.UndecidedImport && d.Line == 4);
    }
}

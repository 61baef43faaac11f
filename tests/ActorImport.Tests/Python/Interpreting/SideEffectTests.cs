using System.Diagnostics;
using ActorImport.Model;
using ActorImport.Python.Interpreting;
using ActorImport.Python.Interpreting.Values;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Python.Interpreting;

public class SideEffectTests
{
    /// <summary>A body that replaces itself in sys.modules: <c>import replacer</c> binds what sys.modules holds at the end (the class), as CPython does.</summary>
    [PythonFact]
    public void SysModulesAssignmentAndDeletion()
    {
        using FakeImportSystem fake = ImportOracle.Tree([
            ("replacer.py", "import sys\nclass _Impl:\n    pass\nsys.modules['alias_name'] = sys.modules[__name__]\nsys.modules['gone'] = None\ndel sys.modules['gone']\nsys.modules[__name__] = _Impl\n"),
            ("main.py", "import sys\nimport replacer\nA = replacer, sys.modules['alias_name'], 'gone' in sys.modules\n")]);
        ImportOracle.AssertSame(fake, "main", "A");
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

    /// <summary>
    /// <c>with</c> enters and exits a context manager the body defined in source (its
    /// <c>__exit__</c> may swallow the body's exception) and runs the body under an opaque one;
    /// compared with python3. (<c>with os.scandir(ImportError)</c>, which CPython fails with a
    /// TypeError, is not decidable: what a C function does with its arguments is not modelled.)
    /// </summary>
    [PythonFact]
    public void WithBodiesExecute()
    {
        using FakeImportSystem fake = ImportOracle.Tree([
            ("inwith.py", ""),
            ("withs.py", """
                import os
                LOG = []
                class Managed:
                    def __init__(self, swallow):
                        self.swallow = swallow
                    def __enter__(self):
                        LOG.append('enter')
                        return 'entered'
                    def __exit__(self, kind, value, tb):
                        LOG.append('exit ' + (kind.__name__ if kind else 'clean'))
                        return self.swallow
                with Managed(False) as cm:
                    import inwith
                with Managed(True):
                    raise KeyError('swallowed')
                try:
                    with Managed(False):
                        raise ValueError('kept')
                except ValueError as e:
                    WHY = str(e)
                """)]);
        ImportOracle.AssertSame(fake, "withs", "LOG", "cm", "WHY");
        Assert.Contains("inwith", fake.Executed);
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

    [PythonFact]
    public void GlobalsEditsBindNames()
    {
        using FakeImportSystem fake = ImportOracle.Tree([
            ("globs.py", "globals()['A'] = 1\nglobals().update({'B': 2})\nglobals().update(C=3)\nfor n in ('D', 'E'):\n    globals()[n] = n.lower()\n"),
            ("useglobs.py", "from globs import A, B, C, D, E\ntry:\n    from globs import ANYTHING\nexcept ImportError as e:\n    WHY = str(e)\n")]);
        ImportOracle.AssertSame(fake, "useglobs", "A", "B", "C", "D", "E", "WHY");
    }

    /// <summary>
    /// <c>globals().update(os.environ)</c> binds names from the process environment, which the
    /// interpreter does not know: CPython raises ImportError for a name the environment lacks;
    /// here the module is marked as holding unknown names, the update is reported with its line,
    /// and the from-import gives an opaque value instead of guessing either way.
    /// </summary>
    [PythonFact]
    public void GlobalsUpdateFromTheEnvironmentIsReportedNotGuessed()
    {
        using FakeImportSystem fake = ImportOracle.Tree([
            ("globs.py", "import os\nglobals().update(os.environ)\n"),
            ("useglobs.py", "from globs import ACTORIMPORT_NOT_IN_ENV\n")]);
        Assert.StartsWith("ImportError: cannot import name 'ACTORIMPORT_NOT_IN_ENV'", ImportOracle.CPython(fake.Root, "useglobs").Error);
        Assert.IsType<OpaqueValue>(fake.ImportModule("useglobs").GetAttributeOrDefault("ACTORIMPORT_NOT_IN_ENV"));
        Assert.Contains(fake.Diagnostics, d => d.Kind == DiagnosticKind.UndecidedImport && d.Line == 2 && d.FileName!.EndsWith("globs.py", StringComparison.Ordinal));
    }

    /// <summary>
    /// <c>with os.scandir(ImportError):</c> — CPython raises TypeError from the C call; what a C
    /// function does with its arguments is not known here, so the body runs and the opaque
    /// context manager is reported with its line instead of passing silently.
    /// </summary>
    [PythonFact]
    public void AnOpaqueContextManagerIsReportedNotSilentlyEntered()
    {
        using FakeImportSystem fake = ImportOracle.Tree([
            ("scan.py", "import os\nwith os.scandir(ImportError) as it:\n    X = 1\n")]);
        Assert.StartsWith("TypeError: scandir: path should be", ImportOracle.CPython(fake.Root, "scan").Error);
        fake.ImportModule("scan");
        Assert.Contains(fake.Diagnostics, d => d.Kind == DiagnosticKind.UndecidedCall && d.Line == 2 && d.Message.Contains("opaque context manager", StringComparison.Ordinal));
    }
}

using ActorImport.Python.Interpreting;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Python.Interpreting;

/// <summary>
/// PEP 562: a module-level <c>__getattr__</c>/<c>__dir__</c> defined in source is called for
/// missing names — <c>from pkg import name</c>, <c>pkg.name</c>, <c>hasattr</c>, <c>dir</c> — the
/// lazy-submodule pattern of lazy_loader included; compared with python3 -I -S.
/// </summary>
public class ModuleGetattrTests
{
    private const string LazyPackage = """
        import importlib
        __all__ = ['sub', 'other']
        def __getattr__(name):
            if name in __all__:
                return importlib.import_module('.' + name, __name__)
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        def __dir__():
            return __all__ + ['extra']
        """;

    private static void Check(string main, params string[] names)
    {
        using FakeImportSystem fake = ImportOracle.Tree([
            ("lazy/__init__.py", LazyPackage),
            ("lazy/sub.py", "NAME = 'lazy.sub'\n"),
            ("lazy/other.py", "NAME = 'lazy.other'\n"),
            ("main.py", main)]);
        ImportOracle.AssertSame(fake, "main", names);
    }

    [PythonFact]
    public void FromPackageImportNameCallsGetattr() => Check("from lazy import sub\nA = sub.NAME\n", "A");

    [PythonFact]
    public void AttributeAccessOnALoadedModuleCallsGetattr() => Check("import lazy\nA = lazy.other.NAME\n", "A");

    [PythonFact]
    public void HasattrAndDirGoThroughTheHooks() => Check("import lazy\nA = hasattr(lazy, 'nothing'), hasattr(lazy, 'sub')\nB = dir(lazy)\n", "A", "B");

    [PythonFact]
    public void GetattrsAttributeErrorIsCPythonsImportError() => Check("try:\n    from lazy import nothing\nexcept ImportError as e:\n    A = str(e)\n", "A");

    [PythonFact]
    public void AValueReturnedByGetattrIsBound() =>
        Check("import dyn\nfrom dyn import anything\nA = anything, dyn.whatever\n".Replace("import dyn", "import lazy as dyn").Replace("from dyn", "from lazy"), "A");

    [Fact]
    public void TheEnginesEntryPointRunsTheHook()
    {
        using var fake = new FakeImportSystem().Write("lazy/__init__.py", LazyPackage).Write("lazy/sub.py", "NAME = 'x'\n");
        var package = fake.ImportModule("lazy");
        var interpreter = new ModuleInterpreter(fake);
        Assert.True(interpreter.TryGetModuleAttribute(package, "sub", out object? sub));
        Assert.Same(fake.SysModules["lazy.sub"], sub);
        Assert.False(interpreter.TryGetModuleAttribute(package, "nothing", out _));
    }
}

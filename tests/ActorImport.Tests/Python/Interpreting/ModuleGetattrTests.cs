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

    /// <summary>scientific-python's lazy_loader: <c>attach</c> returns a closure bound as the package's <c>__getattr__</c> by tuple assignment.</summary>
    private const string LazyLoader = """
        import importlib
        import sys
        def attach(package_name, submodules=None, submod_attrs=None):
            if submod_attrs is None:
                submod_attrs = {}
            submodules = set(submodules) if submodules is not None else set()
            attr_to_modules = {attr: mod for mod, attrs in submod_attrs.items() for attr in attrs}
            __all__ = sorted(submodules | attr_to_modules.keys())
            def __getattr__(name):
                if name in submodules:
                    return importlib.import_module(f"{package_name}.{name}")
                elif name in attr_to_modules:
                    submod = importlib.import_module(f"{package_name}.{attr_to_modules[name]}")
                    return getattr(submod, name)
                raise AttributeError(f"No {package_name} attribute {name}")
            def __dir__():
                return __all__
            return __getattr__, __dir__, list(__all__)
        """;

    [PythonFact]
    public void TheLazyLoaderPatternImportsOnFirstUse()
    {
        using FakeImportSystem fake = ImportOracle.Tree([
            ("lazy_loader.py", LazyLoader),
            ("sci/__init__.py", "import lazy_loader as lazy\n__getattr__, __dir__, __all__ = lazy.attach(__name__, submodules=['linalg'], submod_attrs={'stats': ['mean']})\n"),
            ("sci/linalg.py", "NAME = 'linalg'\n"),
            ("sci/stats.py", "def mean(xs):\n    return sum(xs)\n"),
            ("main.py", "import sci\nA = sci.linalg.NAME\nfrom sci import mean\nB = sorted(dir(sci)), sci.__all__\ntry:\n    sci.nothing\nexcept AttributeError as e:\n    C = str(e)\n")]);
        ImportOracle.AssertSame(fake, "main", "A", "mean", "B", "C");
    }
}

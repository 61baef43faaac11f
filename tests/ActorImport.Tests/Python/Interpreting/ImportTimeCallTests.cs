using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Python.Interpreting;

/// <summary>
/// What real module bodies run at import time — calls of their own functions, decorators,
/// try/except around calls — compared with python3 -I -S on the same tree (issue 9's table and
/// its call forms). Each test writes a small tree, imports one module both ways and compares the
/// exception, the tree's modules in sys.modules and chosen bound values.
/// </summary>
public class ImportTimeCallTests
{
    private const string Helper = "VALUE = 42\n";

    private static void Check(string module, string[] names, params (string Path, string Source)[] files)
    {
        using FakeImportSystem fake = ImportOracle.Tree(files);
        ImportOracle.AssertSame(fake, module, names);
    }

    [PythonFact]
    public void ACalledFunctionsImportRuns() =>
        Check("main", ["R"], ("helper.py", Helper), ("main.py", "def setup():\n    import helper\n    return helper.VALUE\nR = setup()\n"));

    [PythonFact]
    public void ADecoratorsBodyRunsAndItsImportHappens() =>
        Check("main", ["f", "ORDER"],
            ("helper.py", Helper),
            ("main.py", "ORDER = []\ndef register(fn):\n    import helper\n    ORDER.append(fn.__name__)\n    return fn\n@register\ndef f():\n    pass\n"));

    [PythonFact]
    public void ARaiseInACalledFunctionReachesTheCallersExcept() =>
        Check("main", ["OK", "WHY"],
            ("main.py", "def load():\n    import not_installed_anywhere\ntry:\n    load()\n    OK = True\nexcept ImportError as e:\n    OK = False\n    WHY = str(e)\n"));

    [PythonFact]
    public void HasattrOnALoadedSourceModule() =>
        Check("main", ["BRANCH", "MISSING"],
            ("helper.py", Helper),
            ("main.py", "import helper\nif hasattr(helper, 'VALUE'):\n    BRANCH = 'if'\nelse:\n    BRANCH = 'else'\nMISSING = hasattr(helper, 'NOPE')\n"));

    [PythonFact]
    public void IsinstanceOfALiteral() =>
        Check("main", ["BRANCH"], ("main.py", "if isinstance(1, int):\n    BRANCH = 'if'\nelse:\n    BRANCH = 'else'\n"));

    [PythonFact]
    public void ArgumentBindingForms() =>
        Check("main", ["A", "B", "C", "D", "E", "F"],
            ("main.py", """
                def f(a, b=2, *args, c, d=4, **kw):
                    return (a, b, args, c, d, kw)
                def g(x, /, y, *, z=0):
                    return x + y + z
                A = f(1, c=3)
                B = f(1, 5, 6, 7, c=8, e=9)
                C = f(*[1, 2, 3], **{'c': 0, 'z': 1})
                D = g(1, y=2, z=3)
                E = g(1, 2)
                F = f(a=10, c=11)
                """));

    [PythonTheory]
    [InlineData("f()")]
    [InlineData("f(1, 2, 3)")]
    [InlineData("f(1, b=2, a=3)")]
    [InlineData("f(1, zz=2)")]
    [InlineData("g(x=1, y=2)")]
    [InlineData("g(1, 2, 3)")]
    [InlineData("h()")]
    [InlineData("h(1, k=2)")]
    public void BindingErrorsHaveCPythonsText(string call) =>
        Check("main", ["WHY"],
            ("main.py", $"def f(a, b=2):\n    pass\ndef g(x, /, y):\n    pass\ndef h(a, b, c, *, k, m):\n    pass\ntry:\n    {call}\nexcept TypeError as e:\n    WHY = str(e)\n"));

    [PythonFact]
    public void ClosuresGlobalAndNonlocal() =>
        Check("main", ["COUNT", "TOTAL", "INNER", "LATE"],
            ("main.py", """
                COUNT = 0
                def bump():
                    global COUNT
                    COUNT += 1
                bump(); bump()
                def counter():
                    n = 0
                    def inc():
                        nonlocal n
                        n += 1
                        return n
                    inc(); inc()
                    return inc() 
                TOTAL = counter()
                def outer(x):
                    def inner():
                        return x * 2
                    return inner
                INNER = outer(21)()
                def late():
                    v = 1
                    def get():
                        return v
                    v = 2
                    return get()
                LATE = late()
                """));

    [PythonFact]
    public void ImportsInsideCalledFunctionsResolveAgainstTheDefiningModule() =>
        Check("main", ["R"],
            ("pkg/__init__.py", "def load():\n    from . import sub\n    return sub.NAME\n"),
            ("pkg/sub.py", "NAME = 'pkg.sub'\n"),
            ("main.py", "import pkg\nR = pkg.load()\n"));

    [PythonFact]
    public void DecoratorsApplyBottomUpAndDecoratorFactoriesRun() =>
        Check("main", ["ORDER", "f", "K"],
            ("helper.py", Helper),
            ("main.py", """
                ORDER = []
                def tag(name):
                    ORDER.append('make ' + name)
                    def deco(fn):
                        ORDER.append('apply ' + name)
                        return fn
                    return deco
                @tag('outer')
                @tag('inner')
                def f():
                    pass
                def clsdeco(cls):
                    import helper
                    cls.V = helper.VALUE
                    return cls
                @clsdeco
                class K:
                    pass
                V = K.V
                """));

    [PythonFact]
    public void AnOpaqueDecoratorGivesAnOpaqueFunctionWhoseCallIsReported()
    {
        using FakeImportSystem fake = ImportOracle.Tree([("helper.py", Helper), ("main.py", "import functools\n@functools.lru_cache(maxsize=None)\ndef get():\n    import helper\nget()\n")]);
        ImportOutcome ours = ImportOracle.Ours(fake, "main");
        Assert.DoesNotContain("helper", ours.Modules);
        Assert.Contains(fake.Diagnostics, d => d.Kind == ActorImport.Python.Interpreting.DiagnosticKind.UndecidedCall && d.Line == 5 && d.FileName!.EndsWith("main.py", StringComparison.Ordinal));
        Assert.Contains("helper", ImportOracle.CPython(fake.Root, "main").Modules);
    }

    [PythonFact]
    public void ClassBodiesWithMetaclassKeywordsAndInstances() =>
        Check("main", ["Base", "Impl", "OBJ", "NAME", "IS"],
            ("helper.py", Helper),
            ("main.py", """
                def pick_meta():
                    import helper
                    return type
                class Base(metaclass=pick_meta()):
                    pass
                class Impl(Base):
                    def __init__(self, name):
                        self.name = name
                    def greet(self):
                        return 'hi ' + self.name
                OBJ = Impl('x')
                NAME = OBJ.greet()
                IS = isinstance(OBJ, Base)
                """));

    [PythonFact]
    public void ReturnFromLoopsAndTryFinally() =>
        Check("main", ["A", "B", "C"],
            ("main.py", """
                def first_even(items):
                    for i in items:
                        if i % 2 == 0:
                            return i
                    return None
                def guarded():
                    try:
                        return 'try'
                    finally:
                        pass
                def swallow():
                    try:
                        raise ValueError('x')
                    except ValueError:
                        return 'handled'
                A = first_even([1, 3, 4, 5])
                B = guarded()
                C = swallow()
                """));

    [PythonFact]
    public void FunctionAttributesAndFrozenImportlibClasses() =>
        Check("main", ["REG", "KIND"],
            ("helper.py", Helper),
            ("main.py", """
                import importlib.machinery
                def generic(fn):
                    registry = {}
                    def register(cls, impl):
                        import helper
                        registry[impl.__name__] = cls
                    fn.register = register
                    fn.registry = registry
                    return fn
                @generic
                def handler():
                    pass
                def impl():
                    pass
                handler.register(importlib.machinery.FileFinder, impl)
                REG = sorted(handler.registry)
                KIND = isinstance(importlib.machinery.FileFinder, type), callable(importlib.machinery.FileFinder)
                """));
}

using ActorImport.Model;
using ActorImport.Python.Interpreting.Values;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Python.Interpreting;

public class BindingTests
{
    [PythonFact]
    public void AssignmentFormsBindWhatCPythonBinds()
    {
        const string Source = """
            '''The docstring.'''
            import sys
            A = 1
            B = C = 'two'
            D, E = 3, 4.5
            (F, [G, H]) = (b'6', [None, True])
            I, *J = [1, 2, 3]
            K = {'k': (1, 2), 2: [3]}
            L = A
            M = sys.platform
            N: int = -7
            O: str
            P = 0x1F + 2 * 3 - 1
            Q = 'a' 'b' "c"
            R = r'\d' + '\n'
            S = ()
            T = 1,
            U = (1 if A else 2)
            V = A == 1
            W = K['k'][1:]
            A += 10
            X = [1]
            X += [2]
            Y = {1, 2}
            Z = 10 // 3, 10 % 3, 2 ** 10
            """;
        using var fake = new FakeImportSystem().Write("assign.py", Source);
        ModuleObject module = fake.ImportModule("assign");
        string[] names = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Z", "__doc__"];
        Assert.Equal(TreeOracle.Reprs(fake.Root, "assign", names), TreeOracle.Reprs(module, names));
        Assert.Equal(TreeOracle.BoundNames(fake.Root, "assign"), TreeOracle.BoundNames(module));
    }

    /// <summary>
    /// Values computed by running the standard library's own source (<c>os.path.split</c> in
    /// posixpath.py) and by comprehensions are CPython's; what depends on the host at run time
    /// (<c>os.getcwd()</c>) and lambdas stay opaque.
    /// </summary>
    [PythonFact]
    public void ComputedValuesAreCPythonsAndTheRestIsOpaque()
    {
        using FakeImportSystem fake = ImportOracle.Tree([("opaque.py", "import os\nA = os.getcwd()\nB = lambda x: x\nC = [i * 2 for i in range(3) if i]\nD, E = os.path.split('/a/b')\nF = {k: v for k, v in zip('ab', (1, 2))}\n")]);
        ImportOracle.AssertSame(fake, "opaque", "C", "D", "E", "F");
        ModuleObject module = fake.ImportModule("opaque");
        Assert.IsType<OpaqueValue>(module.GetAttributeOrDefault("A"));
        Assert.IsType<OpaqueValue>(module.GetAttributeOrDefault("B"));
    }

    [PythonFact]
    public void UnpackingErrorsHaveCPythonsText()
    {
        using var fake = new FakeImportSystem().Write("unpack.py", "a, b = 1, 2, 3\n");
        var error = Assert.ThrowsAny<PythonException>(() => fake.ImportModule("unpack"));
        Assert.Equal(TreeOracle.Error(fake.Root, "import unpack"), (error.TypeName, error.Message));
    }

    [Fact]
    public void DefBindsAFunctionAndRecordsItsImportsWithoutRunningThem()
    {
        using var fake = new FakeImportSystem().Write("defs.py", "def f(x=1):\n    import not_there\n    if x:\n        from .also import y\n    return x\n\nasync def g():\n    pass\n");
        ModuleObject module = fake.ImportModule("defs");
        var f = Assert.IsType<PyFunction>(module.GetAttributeOrDefault("f"));
        Assert.Equal("f", f.QualifiedName);
        Assert.Equal(1, f.Line);
        Assert.Equal([("not_there", 0, 2), ("also", 1, 4)], f.DeferredImports.Select(d => (d.Module, d.Level, d.Line)));
        Assert.True(Assert.IsType<PyFunction>(module.GetAttributeOrDefault("g")).IsAsync);
        Assert.Equal(2, fake.Results["defs"].DeferredImports.Count);
        Assert.Equal(["defs"], fake.Executed);
    }

    [PythonFact]
    public void ClassBodyRunsInItsOwnNamespace()
    {
        using var fake = new FakeImportSystem()
            .Write("helper.py", "VALUE = 42\n")
            .Write("classes.py", "class C(object):\n    '''Doc.'''\n    import helper\n    from helper import VALUE\n    X = VALUE + 1\n    class Inner:\n        def m(self): import never\n\nOUT = C\n");
        ModuleObject module = fake.ImportModule("classes");
        var cls = Assert.IsType<PyClass>(module.GetAttributeOrDefault("C"));
        Assert.Equal(43L, cls.Namespace.GetAttributeOrDefault("X"));
        Assert.Equal("Doc.", cls.Namespace.GetAttributeOrDefault("__doc__"));
        Assert.Equal("C.Inner", Assert.IsType<PyClass>(cls.Namespace.GetAttributeOrDefault("Inner")).QualifiedName);
        Assert.False(module.HasAttribute("VALUE"));
        Assert.Equal(["classes", "helper"], fake.Executed);
        Assert.Equal(TreeOracle.BoundNames(fake.Root, "classes"), TreeOracle.BoundNames(module));
    }

    [PythonFact]
    public void DelAndGlobal()
    {
        using var fake = new FakeImportSystem().Write("dels.py", "A = 1\nB = 2\ndel A\nclass K:\n    global G\n    G = 'global'\n    L = 'local'\ndel K.L\n");
        ModuleObject module = fake.ImportModule("dels");
        Assert.Equal(TreeOracle.BoundNames(fake.Root, "dels"), TreeOracle.BoundNames(module));
        Assert.Equal("global", module.GetAttributeOrDefault("G"));
    }

    [PythonFact]
    public void DelOfAnUnboundNameIsNameError()
    {
        using var fake = new FakeImportSystem().Write("delunbound.py", "del nothing\n");
        var error = Assert.ThrowsAny<PythonException>(() => fake.ImportModule("delunbound"));
        Assert.Equal(TreeOracle.Error(fake.Root, "import delunbound"), (error.TypeName, error.Message));
    }

    [Fact]
    public void ModuleGetattrAndDirAreRecorded()
    {
        using var fake = new FakeImportSystem().Write("pep562.py", "def __getattr__(name):\n    import lazy_thing\n\ndef __dir__():\n    return []\n");
        fake.ImportModule("pep562");
        Assert.Equal("__getattr__", fake.Results["pep562"].ModuleGetattr?.Name);
        Assert.Equal("__dir__", fake.Results["pep562"].ModuleDir?.Name);
    }

    [PythonFact]
    public void FromImportOfAModuleWithGetattrBindsWhatGetattrReturns()
    {
        using FakeImportSystem fake = ImportOracle.Tree([("dyn.py", "def __getattr__(name):\n    return name\n"), ("usedyn.py", "from dyn import anything\n")]);
        ImportOracle.AssertSame(fake, "usedyn", "anything");
    }
}

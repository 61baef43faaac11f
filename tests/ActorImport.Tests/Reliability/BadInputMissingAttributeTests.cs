using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Reliability;

/// <summary>
/// A module body reading a name another module does not have: <c>b.missing</c> on a fully run
/// module, and <c>c.Z</c> on a module still initialising in a cycle (CPython's "partially
/// initialized module … (most likely due to a circular import)"), beside a dunder the module
/// type supplies (<c>b.__dict__</c>) and a PEP 562 module. Each outcome is CPython's, asked at
/// test time, and the engine still imports afterwards.
/// </summary>
public abstract class BadInputMissingAttributeTests : BadInputTestBase
{
    public static readonly TheoryData<string> Entries = ["reads_missing", "cycle_c", "reads_dunder", "reads_hooked", "cycle_pkg"];

    private void WriteTree()
    {
        Tree.Write("b.py", "Y = 1\n");
        Tree.Write("reads_missing.py", "import b\nX = b.missing\n");
        Tree.Write("cycle_c.py", "import cycle_d\nZ = 1\n");
        Tree.Write("cycle_d.py", "import cycle_c\nW = cycle_c.Z\n");
        Tree.Write("reads_dunder.py", "import b\nD = b.__dict__\nC = b.__class__\n");
        Tree.Write("hooked.py", "def __getattr__(name):\n    if name == 'dyn':\n        return 5\n    raise AttributeError(f'no {name}')\n");
        Tree.Write("reads_hooked.py", "import hooked\nV = hooked.dyn\nW = hooked.other\n");
        Tree.Write("cycle_pkg/__init__.py", "from . import sub\nVALUE = 1\n");
        Tree.Write("cycle_pkg/sub.py", "import cycle_pkg\nV = cycle_pkg.VALUE\n");
    }

    [PythonTheory]
    [MemberData(nameof(Entries))]
    public void AMissingAttributeReadEndsAsInCPython(string entry)
    {
        WriteTree();
        ImportEngine engine = NewEngine();
        ImportOutcome cpython = BadInputOracle.Import(Tree.Root, entry);
        AssertSame(cpython, ImportOutcome.Of(engine, entry), entry);
        StillImportsAGoodModule(engine);
    }

    /// <summary>
    /// A frozen stdlib module whose source the engine ran has known names: <c>import genericpath</c>
    /// first fails in CPython (posixpath reads <c>genericpath._splitext</c> while genericpath is
    /// still importing os), and so it does here.
    /// </summary>
    [PythonFact]
    public void AFrozenStdlibModuleReadInItsOwnCycleFailsAsInCPython()
    {
        string[] path = PythonOracle.RunJson("import sys, json\nprint(json.dumps(sys.path))", flags: "-I -S").EnumerateArray().Select(e => e.GetString()!).ToArray();
        ImportEngine engine = NewEngine(path, o => o with { StdlibDirectory = PythonOracle.Stdlib });
        ImportOutcome cpython = BadInputOracle.Import(path, ["genericpath"])[0];
        AssertSame(cpython, ImportOutcome.Of(engine, "genericpath"), "genericpath");
    }
}

public sealed class BadInputMissingAttributeTestsUnderActors : BadInputMissingAttributeTests
{
    protected override CoordinationMode Mode => CoordinationMode.Actors;
}

public sealed class BadInputMissingAttributeTestsUnderLocks : BadInputMissingAttributeTests
{
    protected override CoordinationMode Mode => CoordinationMode.Locks;
}

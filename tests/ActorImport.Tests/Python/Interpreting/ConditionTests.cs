using System.Text;
using ActorImport.Model;
using ActorImport.Python.Interpreting;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Python.Interpreting;

public class ConditionTests
{
    /// <summary>Conditions real modules test at import time; python3 (3.11 on Linux) decides each one too.</summary>
    private static readonly string[] Conditions =
    [
        "sys.version_info >= (3, 8)",
        "sys.version_info < (3, 11)",
        "sys.version_info[:2] == (3, 11)",
        "sys.version_info[0] == 3",
        "sys.version_info.major >= 3 and sys.version_info.minor > 20",
        "sys.version_info >= (3, 11, 0)",
        "(3, 12) <= sys.version_info",
        "sys.platform == 'win32'",
        "sys.platform in ('linux', 'darwin')",
        "sys.platform != 'darwin'",
        "os.name == 'nt'",
        "os.name == 'posix'",
        "sys.implementation.name == 'cpython'",
        "TYPE_CHECKING",
        "typing.TYPE_CHECKING",
        "not TYPE_CHECKING",
        "__name__ == '__main__'",
        "__debug__",
        "FLAG",
        "not FLAG or LIMIT > 3",
        "LIMIT == 5 and NAME == 'x'",
        "'a' in ('a', 'b')",
        "'c' not in ['a', 'b']",
        "None is None",
        "LIMIT is not None",
        "0",
        "''",
        "()",
        "1 < LIMIT < 10",
        "-1",
        "sys.byteorder == 'little'",
        "3 if FLAG else 0",
        "__debug__ and sys.version_info >= (3, 9)",
    ];

    [PythonFact]
    public void DecidableConditionsMatchCPython()
    {
        var source = new StringBuilder("import sys, os, typing\nfrom typing import TYPE_CHECKING\nFLAG = False\nLIMIT = 5\nNAME = 'x'\n");
        string[] names = Conditions.Select((_, i) => $"R{i}").ToArray();
        for (int i = 0; i < Conditions.Length; i++)
        {
            source.Append($"if {Conditions[i]}:\n    R{i} = True\nelse:\n    R{i} = False\n");
        }
        using var fake = new FakeImportSystem().Write("conds.py", source.ToString());
        ModuleObject module = fake.ImportModule("conds");
        Assert.Empty(fake.Diagnostics);
        Assert.Equal(TreeOracle.Reprs(fake.Root, "conds", names), TreeOracle.Reprs(module, names));
    }

    [Fact]
    public void ElifChainTakesTheFirstTrueBranch()
    {
        using var fake = new FakeImportSystem().Write("chain.py",
            "import sys\nif sys.version_info < (3, 8):\n    V = 'old'\nelif sys.version_info < (3, 12):\n    V = 'mid'\nelse:\n    V = 'new'\n");
        Assert.Equal("mid", fake.ImportModule("chain").GetAttributeOrDefault("V"));
    }

    [Fact]
    public void TargetVersionComesFromOptions()
    {
        using var fake = new FakeImportSystem(new InterpreterOptions { TargetVersion = new Version(3, 15, 0), Platform = "win32", OsName = "nt" })
            .Write("opts.py", "import sys, os\nNEW = sys.version_info >= (3, 15)\nWIN = sys.platform == 'win32'\nNT = os.name == 'nt'\n");
        ModuleObject module = fake.ImportModule("opts");
        Assert.Equal(true, module.GetAttributeOrDefault("NEW"));
        Assert.Equal(true, module.GetAttributeOrDefault("WIN"));
        Assert.Equal(true, module.GetAttributeOrDefault("NT"));
    }

    /// <summary>
    /// The process environment is not known to the interpreter, so the <c>if</c> is undecided:
    /// reported with file and line and taken as false. The <c>elif</c> over <c>hasattr(os, 'fork')</c>
    /// is decided from the recorded <c>dir(posix)</c>, and the branch taken is CPython's (on a
    /// machine where X is not set, as the test's python3 run sees it).
    /// </summary>
    [PythonFact]
    public void UndecidedConditionIsReportedAndTakenAsFalse()
    {
        using FakeImportSystem fake = ImportOracle.Tree([("undecided.py", "import os\n\nif os.environ.get('ACTORIMPORT_UNSET_X'):\n    import never_imported\n    BRANCH = 'if'\nelif hasattr(os, 'fork'):\n    BRANCH = 'elif'\nelse:\n    BRANCH = 'else'\n")]);
        ImportOracle.AssertSame(fake, "undecided", "BRANCH");
        Assert.DoesNotContain("never_imported", fake.Executed);
        InterpreterDiagnostic undecided = Assert.Single(fake.Diagnostics, d => d.FileName!.EndsWith("undecided.py", StringComparison.Ordinal));
        Assert.Equal(DiagnosticKind.UndecidedCondition, undecided.Kind);
        Assert.Equal(3, undecided.Line);
    }

    [Fact]
    public void WhileOverADecidedConditionRunsAndStops()
    {
        using var fake = new FakeImportSystem().Write("loop.py", "N = 0\nwhile N < 3:\n    N += 1\nelse:\n    DONE = True\n");
        ModuleObject module = fake.ImportModule("loop");
        Assert.Equal(3L, module.GetAttributeOrDefault("N"));
        Assert.Equal(true, module.GetAttributeOrDefault("DONE"));
    }
}

using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Tests.Cli;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Reliability;

/// <summary>
/// Bad source files: undecodable bytes, wrong and conflicting PEP 263 cookies, NUL bytes. Each
/// is imported by the engine and by python3; the error (type, <c>str(e)</c>, file, line) must be
/// CPython's, and the same engine must import a good module afterwards.
/// </summary>
public abstract class BadInputSourceTests : BadInputTestBase
{
    /// <summary>(module name, file bytes): one input class each.</summary>
    public static readonly TheoryData<string, string> Sources = new()
    {
        { "undecodable", "x = '\\xff'\n" },
        { "undecodable_late", "# fine\n\n\nx = '\\xc3'\n" },
        { "bad_utf8_after_utf8_cookie", "# coding: utf-8\nx = '\\xff'\n" },
        { "bad_after_late_cookie", "\n\n# coding: latin-1\nx = '\\xff'\n" },
        { "unknown_cookie", "# -*- coding: nonexistent -*-\nx = 1\n" },
        { "bom_and_latin1_cookie", "\\xef\\xbb\\xbf# -*- coding: latin-1 -*-\nx = 1\n" },
        { "bom_and_ascii_cookie", "\\xef\\xbb\\xbf# coding: ascii\nx = 1\n" },
        { "undecodable_cookie_line", "# \\xff coding: utf-8\nx = 1\n" },
        { "ascii_cookie_high_byte", "# coding: ascii\nx = '\\xe9'\n" },
        { "latin1_cookie_fine", "# coding: latin-1\nx = '\\xff'\n" },
        { "nul_in_code", "x = 1\\x00\n" },
        { "nul_on_line_two", "x = 1\ny = 2\\x00\n" },
        { "nul_in_comment", "# \\x00\nx = 1\n" },
        { "nul_in_string", "x = '\\x00'\n" },
        { "nul_after_syntax_error", "x = (\n\\x00\n" },
    };

    /// <summary>The escapes above (<c>\xNN</c>) as raw bytes: the file is written byte for byte.</summary>
    private static byte[] Bytes(string escaped)
    {
        var bytes = new List<byte>();
        for (int i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] == '\\' && i + 3 < escaped.Length && escaped[i + 1] == 'x')
            {
                bytes.Add(Convert.ToByte(escaped.Substring(i + 2, 2), 16));
                i += 3;
            }
            else
            {
                bytes.Add((byte)escaped[i]);
            }
        }
        return [.. bytes];
    }

    [PythonTheory]
    [MemberData(nameof(Sources))]
    public void TheErrorIsCPythonsAndTheEngineStaysUsable(string name, string escaped)
    {
        WriteBytes(name + ".py", Bytes(escaped));
        ImportOutcome cpython = BadInputOracle.Import(Tree.Root, name);
        ImportEngine engine = NewEngine();
        AssertSame(cpython, ImportOutcome.Of(engine, name), name);
        // A second attempt fails (or succeeds) the same way: nothing half-loaded stayed behind.
        AssertSame(cpython, ImportOutcome.Of(engine, name), name + " (again)");
        StillImportsAGoodModule(engine);
    }

    /// <summary>The same files through <c>actorimport import --json</c>: CPython's type and <c>str(e)</c>, exit code 1, the next name still imported.</summary>
    [PythonFact]
    public void TheCommandReportsCPythonsErrors()
    {
        string[] names = [.. Sources.Select(row => (string)row[0])];
        foreach (object[] row in Sources)
        {
            WriteBytes((string)row[0] + ".py", Bytes((string)row[1]));
        }
        Tree.Write("fine.py", "X = 1\n");
        string[] all = [.. names, "fine"];
        var result = CliRunner.Run(["import", "--json", "--coordination", Mode == CoordinationMode.Actors ? "actors" : "locks", "--path", Tree.Root, .. all]);
        Assert.Equal(1, result.ExitCode);
        string cpython = ActorImport.Stress.Reports.CPythonImportReport.Run([Tree.Root], all);
        var differences = ActorImport.Stress.Reports.ImportReportComparison.Differences(cpython, result.Stdout, namesUnder: Tree.Root);
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }
}

public sealed class BadInputSourceTestsUnderActors : BadInputSourceTests
{
    protected override CoordinationMode Mode => CoordinationMode.Actors;
}

public sealed class BadInputSourceTestsUnderLocks : BadInputSourceTests
{
    protected override CoordinationMode Mode => CoordinationMode.Locks;
}

using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Cli;

/// <summary>
/// Failing <c>import</c> and <c>find-spec</c> commands against python3 at test time.
/// <c>actorimport find-spec</c> of names <c>importlib.util.find_spec</c> raises for, against
/// python3 at test time: one line with CPython's <c>Type: message</c>, exit code 1. The parent is
/// imported first, so a parent whose body raises gives that exception.
/// </summary>
public sealed class CommandErrorTests : IClassFixture<MainTree>
{
    private const string FindSpec = """
        import sys, importlib.util
        try:
            importlib.util.find_spec(sys.argv[1])
        except Exception as e:
            print(f'{type(e).__name__}: {e}')
        """;

    private const string ImportEach = """
        import sys, importlib, traceback
        for name in sys.argv[1:]:
            try:
                importlib.import_module(name)
            except Exception as e:
                print(name + ': ' + traceback.format_exception_only(type(e), e)[-1].strip())
        """;

    private readonly MainTree _tree;

    public CommandErrorTests(MainTree tree)
    {
        _tree = tree;
    }

    [PythonTheory]
    [InlineData("bad.child")]       // the parent's body raises ValueError
    [InlineData("plain.child")]     // the parent is a module, not a package
    [InlineData("missing.child")]   // the parent does not exist
    [InlineData(".relative")]       // no package for a relative name
    public void FailuresAreOneLineOfCPythonsTextAndExitOne(string name)
    {
        // The last line: importing show.py prints its own JSON first.
        string expected = PythonOracle.RunScript(FindSpec, [name], flags: "-E -S", workingDirectory: _tree.Root).Trim().Split('\n')[^1];
        Assert.NotEqual("", expected);
        var ours = CliRunner.Run(_tree.Root, null, ["find-spec", name, "--path", _tree.Root]);
        Assert.Equal(1, ours.ExitCode);
        Assert.Equal(expected, ours.Stderr.Trim());
        Assert.Equal("", ours.Stdout);
    }

    [PythonFact]
    public void ImportPrintsEachFailureAsCPythonsLastTracebackLineAndExitsOne()
    {
        string[] names = ["impmyerr", "missing_module", "plain.child", "bad"];
        string[] expected = PythonOracle.RunScript(ImportEach, names, flags: "-E -S", workingDirectory: _tree.Root)
            .Split('\n').Where(l => names.Any(n => l.StartsWith(n + ": ", StringComparison.Ordinal))).ToArray();
        Assert.Equal(names.Length, expected.Length);
        var ours = CliRunner.Run(_tree.Root, null, ["import", .. names, "--path", _tree.Root]);
        Assert.Equal(1, ours.ExitCode);
        string[] actual = ours.Stdout.Split('\n').Where(l => names.Any(n => l.StartsWith(n + ": ", StringComparison.Ordinal))).ToArray();
        Assert.Equal(expected, actual);
    }
}

using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Cli;

/// <summary>
/// <c>actorimport find-spec</c> of names <c>importlib.util.find_spec</c> raises for, against
/// python3 at test time: one line with CPython's <c>Type: message</c>, exit code 1. The parent is
/// imported first, so a parent whose body raises gives that exception.
/// </summary>
public sealed class FindSpecErrorTests : IClassFixture<MainTree>
{
    private const string FindSpec = """
        import sys, importlib.util
        try:
            importlib.util.find_spec(sys.argv[1])
        except Exception as e:
            print(f'{type(e).__name__}: {e}')
        """;

    private readonly MainTree _tree;

    public FindSpecErrorTests(MainTree tree)
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
}

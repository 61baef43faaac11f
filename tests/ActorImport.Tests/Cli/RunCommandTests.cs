using System.Text.Json;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Cli;

/// <summary>
/// <c>actorimport run</c> against <c>python3 -E -S</c> (the oracle, asked at test time) on the
/// same tree from the same working directory: the main module's dunders and <c>sys.path[0]</c>
/// (python3 prints them from the body, the command with <c>--json</c>), and the errors: exit
/// code, the message after the program name, the traceback's frames. Each case starts the
/// built command once, so the cases are few; the engine-level tests cover the rest.
/// </summary>
public sealed class RunCommandTests : IClassFixture<MainTree>
{
    private readonly MainTree _tree;

    public RunCommandTests(MainTree tree)
    {
        _tree = tree;
    }

    [PythonTheory]
    [InlineData("show.py", "an-argument")]   // a file
    [InlineData("-m", "show")]               // a module
    [InlineData("-m", "pkg")]                // a package: its __main__
    [InlineData("-m", "pkg.sub.deep")]       // a module of a nested package
    [InlineData("linkdir/p/mod.py")]         // a file through a linked directory: sys.path[0] is its real directory
    public void TheMainModuleIsWhatPython3Makes(params string[] args)
    {
        var python = PythonCommand.Run(_tree.Root, ["-E", "-S", .. args]);
        Assert.True(python.ExitCode == 0, python.Stderr);
        var ours = CliRunner.Run(_tree.Root, null, ["run", "--json", .. args]);
        Assert.True(ours.ExitCode == 0, ours.Stderr);
        using JsonDocument expected = JsonDocument.Parse(python.Stdout);
        using JsonDocument actual = JsonDocument.Parse(ours.Stdout);
        JsonElement expectedMain = expected.RootElement.GetProperty("main");
        JsonElement actualMain = actual.RootElement.GetProperty("main");
        foreach (string field in new[] { "__name__", "__file__", "__package__" })
        {
            Assert.Equal(expectedMain.GetProperty(field).ToString(), actualMain.GetProperty(field).ToString());
            Assert.Equal(expectedMain.GetProperty(field).ValueKind, actualMain.GetProperty(field).ValueKind);
        }
        JsonElement expectedSpec = expectedMain.GetProperty("__spec__");
        JsonElement actualSpec = actualMain.GetProperty("__spec__");
        Assert.Equal(expectedSpec.ValueKind, actualSpec.ValueKind);
        if (expectedSpec.ValueKind == JsonValueKind.Object)
        {
            foreach (string field in new[] { "name", "origin", "parent" })
            {
                Assert.Equal(expectedSpec.GetProperty(field).ToString(), actualSpec.GetProperty(field).ToString());
            }
        }
        Assert.Equal(expected.RootElement.GetProperty("sys_path_0").GetString(), actual.RootElement.GetProperty("sys_path_0").GetString());
    }

    [PythonTheory]
    [InlineData("-m", "nomain")]          // runpy's error for a package without __main__
    [InlineData("-m", "missing.child")]   // an error while finding the spec
    [InlineData("missing.py")]            // can't open file: exit code 2
    [InlineData("deep.py")]               // the body raises inside a function: traceback, exit 1
    [InlineData("-m", "impbad")]          // an imported module's body raises
    [InlineData("exit3.py")]              // SystemExit(3): exit code 3, nothing printed
    public void ErrorsAreCPythonsWithItsExitCode(params string[] args)
    {
        var python = PythonCommand.Run(_tree.Root, ["-E", "-S", .. args]);
        var ours = CliRunner.Run(_tree.Root, null, ["run", .. args]);
        Assert.NotEqual(0, python.ExitCode);
        Assert.Equal(python.ExitCode, ours.ExitCode);
        Assert.Equal(python.Stderr.Length == 0, ours.Stderr.Length == 0);
        Assert.Equal(PythonCommand.Message(python.Stderr), PythonCommand.Message(ours.Stderr));
        Assert.Equal(PythonCommand.FileLines(python.Stderr), PythonCommand.FileLines(ours.Stderr));
        Assert.Equal(python.Stderr.Contains("Traceback (most recent call last):"), ours.Stderr.Contains("Traceback (most recent call last):"));
        Assert.Equal("", ours.Stdout);
    }

    [Fact]
    public void WhatFollowsTheFileBelongsToTheProgram()
    {
        // '--json' after FILE is the program's argument, as for python3: nothing is printed.
        var ours = CliRunner.Run(_tree.Root, null, ["run", "show.py", "--json", "-m", "x"]);
        Assert.Equal(0, ours.ExitCode);
        Assert.Equal("", ours.Stdout);
        Assert.Equal("", ours.Stderr);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("run", "-m")]
    [InlineData("run", "--no-such-option", "show.py")]
    public void BadArgumentsAreOneLineAndExitTwo(params string[] args)
    {
        var ours = CliRunner.Run(_tree.Root, null, args);
        Assert.Equal(2, ours.ExitCode);
        string line = Assert.Single(ours.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("actorimport run: ", line);
    }
}

using ActorImport.Tests.Cli;

namespace ActorImport.Tests.Reliability;

/// <summary>
/// Malformed command lines the Cli tests do not already cover: each ends with exit code 2 and
/// a one-line reason on standard error — never an unhandled exception (a .NET stack trace, exit
/// code 134 or 1).
/// </summary>
public class BadInputCommandLineTests
{
    [Theory]
    [InlineData("--threads must be between", "import", "--threads", "0", "x")]
    [InlineData("--threads", "import", "--threads", "abc", "x")]
    [InlineData("--threads", "import", "--threads", "99999999999", "x")]
    [InlineData("--threads", "import", "--threads")]
    [InlineData("'nope'", "import", "--coordination", "nope", "x")]
    [InlineData("'sometimes'", "import", "--lazy", "sometimes", "x")]
    [InlineData("is not key=value", "import", "--set", "nokey", "x")]
    [InlineData("--path", "import", "--path")]
    [InlineData("frobnicate", "frobnicate")]
    [InlineData("/nonexistent-actorimport.hocon", "import", "--config", "/nonexistent-actorimport.hocon", "x")]
    [InlineData("max-import-depth", "import", "--set", "engine.max-import-depth=0", "x")]
    [InlineData("max-import-depth", "import", "--set", "engine.max-import-depth=deep", "x")]
    [InlineData("not a known setting", "import", "--set", "engine.no-such-key=1", "x")]
    public void MalformedInputExitsTwoWithAReason(string reason, params string[] args)
    {
        var result = CliRunner.Run(args);
        string output = result.Stderr + result.Stdout;
        Assert.True(result.ExitCode == 2, $"exit code {result.ExitCode}: {output}");
        Assert.Contains(reason, output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }
}

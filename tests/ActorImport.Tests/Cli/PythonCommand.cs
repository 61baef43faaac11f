using System.Text.RegularExpressions;
using ActorImport.Stress.Reports;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Cli;

/// <summary>
/// Runs <c>python3 ARGS</c> (the oracle) in a directory and keeps its exit code and both
/// streams, where <see cref="PythonOracle"/> only returns the output of a successful run.
/// <see cref="Message"/> takes off the <c>PROGRAM: </c> prefix of CPython's one-line errors so
/// that they compare with <c>actorimport: …</c>. Stateless.
/// </summary>
internal static partial class PythonCommand
{
    public static CliRunner.Result Run(string workingDirectory, params string[] args)
    {
        string python = PythonOracle.PythonPath ?? throw new InvalidOperationException("python3 (the CPython oracle) is not on PATH");
        PythonRun run = PythonProcess.RunToExit(python, args, workingDirectory: workingDirectory);
        return new CliRunner.Result(run.ExitCode, run.Stdout, run.Stderr);
    }

    /// <summary>The last line of <paramref name="stderr"/> without a leading <c>PROGRAM: </c> (python3's <c>sys.executable</c>, or <c>actorimport</c>).</summary>
    public static string Message(string stderr)
    {
        string last = stderr.TrimEnd('\n', '\r').Split('\n')[^1];
        return ProgramPrefix().Replace(last, string.Empty, 1);
    }

    [GeneratedRegex(@"^(?:\S*/)?(?:python3(?:\.\d+)?|actorimport): ")]
    private static partial Regex ProgramPrefix();

    /// <summary>The <c>File "…", line N, in NAME</c> lines of a traceback, without CPython's frozen runpy frames.</summary>
    public static string[] FileLines(string stderr) =>
        [.. stderr.Split('\n').Where(l => l.StartsWith("  File \"", StringComparison.Ordinal) && !l.Contains("\"<frozen ", StringComparison.Ordinal)).Select(l => l.TrimEnd('\r'))];
}

using System.Diagnostics;
using System.Text.RegularExpressions;
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
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{python} did not start");
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new CliRunner.Result(process.ExitCode, stdout, stderr.Result);
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

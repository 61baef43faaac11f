using System.Diagnostics;

namespace ActorImport.Stress.Reports;

/// <summary>
/// Runs a CPython process the way every comparison with CPython here needs it: no bytecode
/// written next to the sources, UTF-8 standard streams, standard input fed while the output is
/// read (so neither side can block on a full pipe), and a non-zero exit turned into an
/// <see cref="InvalidOperationException"/> carrying standard error. Stateless; safe from any thread.
/// </summary>
public static class PythonProcess
{
    /// <summary>Runs <paramref name="python"/> with <paramref name="args"/> and returns its standard output.</summary>
    public static string Run(string python, IEnumerable<string> args, string? stdin = null, string? workingDirectory = null)
    {
        PythonRun run = RunToExit(python, args, stdin, workingDirectory);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{python} failed ({run.ExitCode}): {run.Stderr}");
        }
        return run.Stdout;
    }

    /// <summary>Runs <paramref name="python"/> with <paramref name="args"/> and keeps its exit code and both streams, whatever the exit code.</summary>
    public static PythonRun RunToExit(string python, IEnumerable<string> args, string? stdin = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{python} did not start");
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }
        string output = stdout.Result;
        process.WaitForExit();
        return new PythonRun(process.ExitCode, output, stderr.Result);
    }
}

/// <summary>What one python3 process ended with.</summary>
public sealed record PythonRun(int ExitCode, string Stdout, string Stderr);

using System.Diagnostics;
using System.Globalization;

namespace ActorImport.Bench;

/// <summary>
/// Times work done by the machine's CPython, for side-by-side figures: the script runs the
/// work itself and prints the seconds it took (measured inside python3, so interpreter start-up
/// is not counted). Stateless; safe from any thread.
/// </summary>
public static class CPythonTimer
{
    /// <summary>
    /// Runs <paramref name="script"/> under <c>python3 [flags] -c</c>; the script must print one
    /// floating-point number of seconds as its last line of output.
    /// </summary>
    public static double Seconds(string script, string flags = "", IEnumerable<string>? args = null)
    {
        string last = Output(script, flags, args).TrimEnd().Split('\n')[^1];
        return double.Parse(last, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Runs <paramref name="script"/> under <c>python3 [flags] -c</c> and returns its standard
    /// output; a non-zero exit is an <see cref="InvalidOperationException"/> carrying standard error.
    /// </summary>
    public static string Output(string script, string flags = "", IEnumerable<string>? args = null)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string flag in flags.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            start.ArgumentList.Add(flag);
        }
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (string arg in args ?? [])
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"python3 failed ({process.ExitCode}): {stderr.Result}");
        }
        return output;
    }
}

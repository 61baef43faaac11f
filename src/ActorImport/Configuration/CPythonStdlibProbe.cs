using System.ComponentModel;
using System.Diagnostics;

namespace ActorImport.Configuration;

/// <summary>
/// Finds the host CPython's standard library directory: first by asking an interpreter
/// (<c>python3.N</c>, then <c>python3</c>) for <c>sysconfig.get_paths()['stdlib']</c>, then by
/// probing the usual install folders (<c>/usr/lib/python3.N</c>, <c>/usr/local/lib/python3.N</c>).
/// A directory counts only if it holds <c>os.py</c>. Thread-safety: stateless.
/// </summary>
public static class CPythonStdlibProbe
{
    private const string Script = "import sysconfig; print(sysconfig.get_paths()['stdlib'])";

    /// <summary>The standard library directory, or null when no CPython is found.</summary>
    /// <param name="targetVersion">"3.11": tried first, as <c>python3.11</c> and <c>/usr/lib/python3.11</c>.</param>
    public static string? Find(string targetVersion, TimeSpan? timeout = null)
    {
        var wait = timeout ?? TimeSpan.FromSeconds(10);
        foreach (string executable in (string[])[$"python{targetVersion}", "python3"])
        {
            if (Ask(executable, wait) is { } reported && IsStdlib(reported))
            {
                return reported;
            }
        }

        foreach (string root in (string[])["/usr/lib", "/usr/local/lib", "/opt/homebrew/lib"])
        {
            string candidate = Path.Combine(root, "python" + targetVersion);
            if (IsStdlib(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>True if the directory looks like a CPython standard library.</summary>
    public static bool IsStdlib(string directory) => File.Exists(Path.Combine(directory, "os.py"));

    private static string? Ask(string executable, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            return process.ExitCode == 0 ? output.GetAwaiter().GetResult().Trim() : null;
        }
        catch (Win32Exception)
        {
            return null; // no such executable
        }
    }
}

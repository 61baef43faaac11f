using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace ActorImport.Configuration;

/// <summary>
/// The host CPython's search path as <c>python3 -I -S</c> sees it (<c>[prefix/lib/python311.zip,
/// stdlib, stdlib/lib-dynload]</c>) and its standard library directory: what the configured
/// search entry <c>"auto"</c> stands for. Found, in order, from the interpreter binary's real
/// location (no process started), by asking the interpreter (<c>python3.N</c>, then
/// <c>python3</c>: pyenv shims and wrapper scripts end up here), or by probing the usual install
/// folders. A directory counts as a standard library only if it holds <c>os.py</c>.
/// Thread-safety: stateless.
/// </summary>
public static class HostPythonPath
{
    public sealed record Layout(IReadOnlyList<string> SysPath, string StdlibDirectory);

    private const string Script = "import sys, json; print(json.dumps([sys.path, getattr(sys, '_stdlib_dir', None)]))";

    /// <summary>The host layout for CPython <paramref name="targetVersion"/> ("3.11"), or <c>null</c> when none is found.</summary>
    public static Layout? Detect(string targetVersion = "3.11", TimeSpan? timeout = null)
    {
        string[] executables = [$"python{targetVersion}", "python3"];
        return executables.Select(FromExecutable).FirstOrDefault(l => l is not null)
            ?? executables.Select(e => FromPython(e, timeout ?? TimeSpan.FromSeconds(10))).FirstOrDefault(l => l is not null)
            ?? FromInstallFolders(targetVersion);
    }

    /// <summary>True if the directory looks like a CPython standard library.</summary>
    public static bool IsStdlib(string directory) => File.Exists(Path.Combine(directory, "os.py"));

    /// <summary>The layout CPython builds for a standard library at <paramref name="stdlib"/> (<c>&lt;prefix&gt;/lib/python3.N</c>).</summary>
    public static Layout ForStdlib(string stdlib)
    {
        string version = Path.GetFileName(stdlib)["python".Length..];
        string zip = Path.Combine(Path.GetDirectoryName(stdlib)!, "python" + version.Replace(".", "") + ".zip");
        return new Layout([zip, stdlib, Path.Combine(stdlib, "lib-dynload")], stdlib);
    }

    /// <summary><c>&lt;prefix&gt;/bin/python3.N</c> (after links) → <c>&lt;prefix&gt;/lib/python3.N</c>.</summary>
    private static Layout? FromExecutable(string executable)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var file = new FileInfo(Path.Combine(dir, executable));
            if (!file.Exists)
            {
                continue;
            }
            string real = file.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? file.FullName;
            string name = Path.GetFileName(real);
            string? bin = Path.GetDirectoryName(real);
            if (bin is null || !name.StartsWith("python3.", StringComparison.Ordinal) || Path.GetFileName(bin) != "bin")
            {
                return null; // a shim or wrapper script: ask the interpreter instead
            }
            string stdlib = Path.Combine(Path.GetDirectoryName(bin)!, "lib", name);
            return IsStdlib(stdlib) ? ForStdlib(stdlib) : null;
        }
        return null;
    }

    private static Layout? FromPython(string executable, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { "-I", "-S", "-c", Script })
        {
            start.ArgumentList.Add(arg);
        }
        try
        {
            using Process? process = Process.Start(start);
            if (process is null)
            {
                return null;
            }
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
            if (process.ExitCode != 0)
            {
                return null;
            }
            using JsonDocument document = JsonDocument.Parse(output.GetAwaiter().GetResult());
            JsonElement root = document.RootElement;
            string? stdlib = root[1].GetString();
            return stdlib is not null && IsStdlib(stdlib)
                ? new Layout([.. root[0].EnumerateArray().Select(e => e.GetString()!)], stdlib)
                : null;
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or JsonException)
        {
            return null; // no such executable, or it did not answer as CPython does
        }
    }

    private static Layout? FromInstallFolders(string targetVersion) =>
        new[] { "/usr/lib", "/usr/local/lib", "/opt/homebrew/lib" }
            .Select(root => Path.Combine(root, "python" + targetVersion))
            .Where(IsStdlib)
            .Select(ForStdlib)
            .FirstOrDefault();
}

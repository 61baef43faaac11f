using System.Diagnostics;
using System.Text.Json;

namespace ActorImport.Discovery;

/// <summary>
/// The host CPython's search path as <c>python3 -I -S</c> sees it (<c>[prefix/lib/python311.zip,
/// stdlib, stdlib/lib-dynload]</c>) and its <c>sys._stdlib_dir</c>. Found from the python3
/// executable's real location when that is a real interpreter binary, otherwise by asking
/// python3 itself. Stateless; safe from any thread.
/// </summary>
public static class HostPythonPath
{
    public sealed record Layout(IReadOnlyList<string> SysPath, string? StdlibDirectory);

    /// <summary>The host layout, or <c>null</c> when no python3 can be found.</summary>
    public static Layout? Detect() => FromExecutable() ?? FromPython();

    /// <summary><c>&lt;prefix&gt;/bin/python3</c> → <c>&lt;prefix&gt;/lib/python3.N</c> holding <c>os.py</c>.</summary>
    private static Layout? FromExecutable()
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var file = new FileInfo(Path.Combine(dir, "python3"));
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
            string version = name["python".Length..];
            string prefix = Path.GetDirectoryName(bin)!;
            string stdlib = Path.Combine(prefix, "lib", "python" + version);
            if (!File.Exists(Path.Combine(stdlib, "os.py")))
            {
                return null;
            }
            string zip = Path.Combine(prefix, "lib", "python" + version.Replace(".", "") + ".zip");
            return new Layout([zip, stdlib, Path.Combine(stdlib, "lib-dynload")], stdlib);
        }
        return null;
    }

    private static Layout? FromPython()
    {
        try
        {
            var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string arg in new[] { "-I", "-S", "-c", "import sys, json; print(json.dumps([sys.path, getattr(sys, '_stdlib_dir', None)]))" })
            {
                start.ArgumentList.Add(arg);
            }
            using Process process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                return null;
            }
            using JsonDocument document = JsonDocument.Parse(output);
            JsonElement root = document.RootElement;
            return new Layout([.. root[0].EnumerateArray().Select(e => e.GetString()!)], root[1].GetString());
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or JsonException)
        {
            return null;
        }
    }
}

using System.Text.Json;
using ActorImport.Stress.Reports;

namespace ActorImport.Tests.Conformance;

/// <summary>
/// Runs the machine's <c>python3</c> (CPython, the oracle) and returns what it printed.
/// Tests never hard-code CPython's answers: they ask it at test time through this class.
/// Thread-safety: stateless apart from the lazily computed, immutable lookups below.
/// </summary>
public static class PythonOracle
{
    private static readonly Lazy<string?> Executable = new(FindPython);
    private static readonly Lazy<string> StdlibDirectory = new(() =>
        RunScript("import sysconfig; print(sysconfig.get_paths()['stdlib'])").Trim());

    /// <summary>The path of python3, or <c>null</c> when it is not installed.</summary>
    public static string? PythonPath => Executable.Value;

    public static bool IsAvailable => PythonPath is not null;

    /// <summary>
    /// Why oracle tests are skipped on this machine, or <c>null</c> if they run. Under
    /// <c>CI=true</c> they always run, so that a CI machine without python3 fails them instead of
    /// passing silently.
    /// </summary>
    public static string? SkipReason => IsAvailable || RequiredByCi ? null : MissingText;

    /// <summary>True when the environment says this is CI (<c>CI=true</c>): a missing oracle is a failure there.</summary>
    public static bool RequiredByCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private const string MissingText = "python3 (the CPython oracle) is not on PATH";

    /// <summary>The CPython standard library directory (e.g. <c>/usr/lib/python3.11</c>).</summary>
    public static string Stdlib => StdlibDirectory.Value;

    /// <summary>
    /// Runs <paramref name="script"/> with <c>python3 [flags] -c</c>, the extra
    /// <paramref name="args"/> as <c>sys.argv[1:]</c>, and returns standard output.
    /// A non-zero exit is an <see cref="InvalidOperationException"/> carrying standard error.
    /// </summary>
    public static string RunScript(string script, IEnumerable<string>? args = null, string flags = "", string? workingDirectory = null, string? stdin = null)
    {
        string python = PythonPath ?? throw new InvalidOperationException(MissingText + (RequiredByCi ? "; CI=true requires the oracle tests to run" : string.Empty));
        string[] arguments = [.. flags.Split(' ', StringSplitOptions.RemoveEmptyEntries), "-c", script, .. args ?? []];
        return PythonProcess.Run(python, arguments, stdin, workingDirectory);
    }

    /// <summary>Runs a script that prints one JSON document and parses it.</summary>
    public static JsonElement RunJson(string script, IEnumerable<string>? args = null, string flags = "", string? workingDirectory = null, string? stdin = null)
    {
        string output = RunScript(script, args, flags, workingDirectory, stdin);
        using JsonDocument document = JsonDocument.Parse(output);
        return document.RootElement.Clone();
    }

    private static string? FindPython()
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            string candidate = Path.Combine(dir, "python3");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}

/// <summary>
/// A fact that needs the CPython oracle: reported as skipped, with the reason, when python3
/// is missing, so that it never passes silently; under <c>CI=true</c> it runs and fails instead.
/// </summary>
public sealed class PythonFactAttribute : FactAttribute
{
    public PythonFactAttribute()
    {
        Skip = PythonOracle.SkipReason;
    }
}

/// <summary>A theory that needs the CPython oracle; skipped with the reason when python3 is missing (fails under <c>CI=true</c>).</summary>
public sealed class PythonTheoryAttribute : TheoryAttribute
{
    public PythonTheoryAttribute()
    {
        Skip = PythonOracle.SkipReason;
    }
}

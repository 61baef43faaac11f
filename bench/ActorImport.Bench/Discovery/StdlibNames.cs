using System.Text.Json;

namespace ActorImport.Bench.Discovery;

/// <summary>
/// Every module and package name of the host CPython's standard library (as
/// <c>pkgutil.walk_packages</c> lists them under <c>python3 -I -S</c>), with that interpreter's
/// path. Computed once per bench run; immutable afterwards.
/// </summary>
public sealed record StdlibNames(IReadOnlyList<string> Names, IReadOnlyList<string> SysPath, string StdlibDirectory)
{
    private const string Script = """
        import sys, json, pkgutil, warnings
        warnings.simplefilter('ignore')
        out, sys.stdout = sys.stdout, sys.stderr
        path = list(sys.path)
        names = [m.name for m in pkgutil.walk_packages(onerror=lambda n: None)]
        out.write(json.dumps({'path': path, 'stdlib': sys._stdlib_dir, 'names': names}))
        """;

    public static StdlibNames Load()
    {
        string output = CPythonTimer.Output(Script, flags: "-I -S");
        using JsonDocument document = JsonDocument.Parse(output);
        JsonElement root = document.RootElement;
        return new StdlibNames(
            [.. root.GetProperty("names").EnumerateArray().Select(e => e.GetString()!)],
            [.. root.GetProperty("path").EnumerateArray().Select(e => e.GetString()!)],
            root.GetProperty("stdlib").GetString()!);
    }

    /// <summary>Writes the names to a temporary file (one per line) for the CPython timer.</summary>
    public string WriteNamesFile()
    {
        string file = Path.Combine(Path.GetTempPath(), $"actorimport-stdlib-names-{Environment.ProcessId}.txt");
        File.WriteAllLines(file, Names);
        return file;
    }
}

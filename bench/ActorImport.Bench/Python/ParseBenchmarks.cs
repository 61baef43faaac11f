using System.Globalization;
using ActorImport.Python.Parsing;
using BenchmarkDotNet.Attributes;

namespace ActorImport.Bench.Python;

/// <summary>
/// Tokenizes and parses the whole CPython standard library (every .py file our parser accepts,
/// tests included, site-packages not) from bytes, as an import does. One operation is the
/// whole library, so MB/s = <see cref="Megabytes"/> / mean. Beside it, in the same run, CPython
/// compiles the same files from bytes (<c>compile(data, path, 'exec')</c>, timed inside python3
/// after it has read them all, best of two passes; files compile() rejects are left out on
/// both sides); both figures are printed at set-up.
/// </summary>
[Config(typeof(BenchConfig))]
public class ParseBenchmarks
{
    private (string Path, byte[] Bytes)[] _files = [];

    public double Megabytes { get; private set; }

    [GlobalSetup]
    public void LoadStdlibAndTimeCPython()
    {
        string stdlib = HostStdlib.Directory();
        var files = new List<(string, byte[])>();
        foreach (string path in Directory.EnumerateFiles(stdlib, "*.py", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (path.Contains("site-packages", StringComparison.Ordinal))
            {
                continue;
            }
            byte[] bytes = File.ReadAllBytes(path);
            try
            {
                PythonParser.Parse(bytes, path);
                files.Add((path, bytes));
            }
            catch (Model.PythonSyntaxError)
            {
                // CPython's own bad examples (bad encodings, Python 2 syntax).
            }
        }
        // CPython keeps the files its compile() accepts and times only those; so do we.
        string list = Path.GetTempFileName();
        File.WriteAllLines(list, files.Select(f => f.Item1));
        double seconds;
        try
        {
            seconds = CPythonTimer.Seconds(CompileScript, args: [list]);
            var accepted = new HashSet<string>(File.ReadAllLines(list), StringComparer.Ordinal);
            _files = files.Where(f => accepted.Contains(f.Item1)).ToArray();
        }
        finally
        {
            File.Delete(list);
        }
        Megabytes = _files.Sum(f => (long)f.Bytes.Length) / 1e6;
        Console.WriteLine($"// stdlib: {_files.Length} files, {Megabytes:F2} MB per operation");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// CPython compile() of the same files: {seconds:F3} s = {Megabytes / seconds:F2} MB/s"));
    }

    [Benchmark(Description = "PythonParser.Parse(bytes) over the whole stdlib")]
    public int ParseStdlib()
    {
        int statements = 0;
        foreach ((string path, byte[] bytes) in _files)
        {
            statements += PythonParser.Parse(bytes, path).Body.Length;
        }
        return statements;
    }

    // Keeps (and writes back) the files compile() accepts, reads them all, then times compile()
    // over all of them; best of two passes.
    private const string CompileScript = """
import sys, time, warnings
warnings.simplefilter('ignore')
paths = [p for p in open(sys.argv[1]).read().split('\n') if p]
data = [(p, open(p, 'rb').read()) for p in paths]
def accepted(p, d):
    try:
        compile(d, p, 'exec', dont_inherit=True)
        return True
    except (SyntaxError, ValueError):
        return False
data = [(p, d) for p, d in data if accepted(p, d)]
open(sys.argv[1], 'w').write('\n'.join(p for p, _ in data))
best = None
for _ in range(2):
    start = time.perf_counter()
    for p, d in data:
        compile(d, p, 'exec', dont_inherit=True)
    elapsed = time.perf_counter() - start
    best = elapsed if best is None else min(best, elapsed)
print(best)
""";
}

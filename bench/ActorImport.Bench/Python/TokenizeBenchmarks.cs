using System.Text;
using ActorImport.Python.Tokenizing;
using BenchmarkDotNet.Attributes;

namespace ActorImport.Bench.Python;

/// <summary>
/// Tokenizes the whole CPython standard library (every UTF-8 .py file, tests included) already
/// decoded in memory: one operation is the whole library, so MB/s = <see cref="Megabytes"/>
/// (printed at set-up) divided by the mean. <c>Streaming</c> pulls tokens without a list.
/// </summary>
[Config(typeof(BenchConfig))]
public class TokenizeBenchmarks
{
    private (string Path, string Text)[] _files = [];

    /// <summary>The UTF-8 size of the library, printed at set-up.</summary>
    public double Megabytes { get; private set; }

    [GlobalSetup]
    public void LoadStdlib()
    {
        string stdlib = HostStdlib.Directory();
        var strict = new UTF8Encoding(false, true);
        var files = new List<(string, string)>();
        long bytes = 0;
        foreach (string path in Directory.EnumerateFiles(stdlib, "*.py", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (path.Contains("site-packages", StringComparison.Ordinal))
            {
                continue;
            }
            byte[] data = File.ReadAllBytes(path);
            try
            {
                string text = strict.GetString(data);
                Tokenizer.Tokenize(text, path);   // only files that tokenize: the rest are CPython's own bad examples
                files.Add((path, text));
                bytes += data.Length;
            }
            catch (Exception e) when (e is DecoderFallbackException or Model.PythonSyntaxError)
            {
            }
        }
        _files = files.ToArray();
        Megabytes = bytes / 1e6;
        Console.WriteLine($"// stdlib: {_files.Length} files, {Megabytes:F2} MB (UTF-8) per operation");
    }

    [Benchmark(Description = "Tokenizer.Tokenize over the whole stdlib")]
    public int TokenizeToList()
    {
        int count = 0;
        foreach ((string path, string text) in _files)
        {
            count += Tokenizer.Tokenize(text, path).Count;
        }
        return count;
    }

    [Benchmark(Description = "TokenScanner.MoveNext over the whole stdlib")]
    public int Streaming()
    {
        int count = 0;
        foreach ((string path, string text) in _files)
        {
            var scanner = new TokenScanner(text, path);
            while (scanner.MoveNext(out _))
            {
                count++;
            }
        }
        return count;
    }
}

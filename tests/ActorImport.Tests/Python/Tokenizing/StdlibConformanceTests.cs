using ActorImport.Model;
using ActorImport.Python.Tokenizing;
using ActorImport.Tests.Conformance;
using Xunit.Abstractions;

namespace ActorImport.Tests.Python.Tokenizing;

/// <summary>The tokenizer against CPython's own standard library and its tokenize module.</summary>
public sealed class StdlibConformanceTests(StdlibOracle oracle, ITestOutputHelper output) : IClassFixture<StdlibOracle>
{
    /// <summary>
    /// Tokenizes every file's bytes in-process first; only the files we reject are then put to CPython,
    /// and each must be one that CPython rejects too (listed as excepted).
    /// </summary>
    [PythonFact]
    public void EveryStdlibFileTokenizesUnlessCPythonRejectsIt()
    {
        var ours = new Dictionary<string, string>();
        long chars = 0;
        foreach (string path in oracle.Files)
        {
            try
            {
                // The bytes, as an import reads them: the cookie, BOM and newlines are DecodeSource's.
                byte[] bytes = File.ReadAllBytes(path);
                chars += bytes.Length;
                Tokenizer.Tokenize(bytes, path);
            }
            catch (PythonSyntaxError e)
            {
                ours[path] = $"{e.TypeName}: {e.Message} (line {e.Line}, column {e.Offset})";
            }
        }
        IReadOnlyDictionary<string, string?> cpython = StdlibOracle.WhyCPythonRejects(ours.Keys.ToArray());
        var excepted = ours.Where(p => cpython[p.Key] is not null).Select(p => $"{p.Key}\n    CPython: {cpython[p.Key]}\n    ours: {p.Value}").ToList();
        var failures = ours.Where(p => cpython[p.Key] is null).Select(p => $"{p.Key}: {p.Value}").ToList();
        output.WriteLine($"{oracle.Files.Count} files, {chars / 1e6:F1} MB tokenized from bytes; {excepted.Count} excepted (CPython rejects them too):");
        excepted.ForEach(output.WriteLine);
        Assert.True(oracle.Files.Count > 1000, $"only {oracle.Files.Count} files found under {PythonOracle.Stdlib}");
        Assert.True(failures.Count == 0, $"{failures.Count} files CPython accepts fail:\n" + string.Join("\n", failures));
    }

    [PythonFact]
    public void SampledFilesMatchTokenizeTokenForToken()
    {
        var mismatches = new List<string>();
        int tokens = 0;
        foreach (StdlibOracle.ExpectedFile file in oracle.Sample)
        {
            tokens += file.Tokens.Count;
            string? problem = Compare(file);
            if (problem is not null)
            {
                mismatches.Add(problem);
            }
        }
        output.WriteLine($"{oracle.Sample.Count} files, {tokens} tokens compared with tokenize");
        foreach ((string path, string why) in oracle.NotComparable)
        {
            output.WriteLine($"not compared: {path}: {why}");
        }
        Assert.True(oracle.Sample.Count >= 300, $"only {oracle.Sample.Count} files sampled");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {oracle.Sample.Count} files differ:\n" + string.Join("\n", mismatches.Take(40)));
    }

    /// <summary>The first difference in one file, readably, or <c>null</c>.</summary>
    private static string? Compare(StdlibOracle.ExpectedFile file)
    {
        IReadOnlyList<Token> actual;
        try
        {
            actual = Tokenizer.Tokenize(file.Text, file.Path);
        }
        catch (PythonSyntaxError e)
        {
            return $"{file.Path}: {e.TypeName}: {e.Message} at line {e.Line}, column {e.Offset}";
        }
        int count = Math.Max(actual.Count, file.Tokens.Count);
        for (int i = 0; i < count; i++)
        {
            Token? expected = i < file.Tokens.Count ? file.Tokens[i] : null;
            Token? got = i < actual.Count ? actual[i] : null;
            if (expected != got)
            {
                return $"{file.Path}: token {i}: expected {expected?.ToString() ?? "(end)"}, got {got?.ToString() ?? "(end)"}";
            }
        }
        return null;
    }
}

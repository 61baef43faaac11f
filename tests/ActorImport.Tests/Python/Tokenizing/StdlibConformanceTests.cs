using System.Text;
using ActorImport.Model;
using ActorImport.Python.Tokenizing;
using ActorImport.Tests.Conformance;
using Xunit.Abstractions;

namespace ActorImport.Tests.Python.Tokenizing;

/// <summary>The tokenizer against CPython's own standard library and its tokenize module.</summary>
public sealed class StdlibConformanceTests(StdlibOracle oracle, ITestOutputHelper output) : IClassFixture<StdlibOracle>
{
    [PythonFact]
    public void EveryStdlibFileTokenizesUnlessCPythonRejectsIt()
    {
        var failures = new List<string>();
        var excepted = new List<string>();
        long chars = 0;
        foreach (string path in oracle.Files)
        {
            bool rejected = oracle.Rejected.TryGetValue(path, out string? reason);
            try
            {
                string text = oracle.Sample.FirstOrDefault(f => f.Path == path)?.Text ?? StdlibOracle.DecodeUtf8(File.ReadAllBytes(path));
                chars += text.Length;
                Tokenizer.Tokenize(text, path);
                if (rejected)
                {
                    excepted.Add($"{path}: CPython: {reason}; we accept its tokens");
                }
            }
            catch (Exception e) when (e is PythonSyntaxError or DecoderFallbackException)
            {
                string ours = e is PythonSyntaxError se ? $"{se.TypeName}: {se.Message} (line {se.Line}, column {se.Offset})" : e.Message;
                if (rejected)
                {
                    excepted.Add($"{path}: CPython: {reason}; we: {ours}");
                }
                else
                {
                    failures.Add($"{path}: {ours}");
                }
            }
        }
        output.WriteLine($"{oracle.Files.Count} files, {chars / 1e6:F1} M characters; {excepted.Count} excepted (CPython rejects them):");
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

using System.Text.Json;
using ActorImport.Model;
using ActorImport.Python.Parsing;
using ActorImport.Python.Syntax;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Python.Parsing;

/// <summary>
/// The whole standard library through our tokenizer and parser, compared with CPython's
/// <c>ast</c>: every file CPython's <c>compile()</c> accepts must parse, with the same
/// top-level bound names and the same import statements. python3 runs once, in parallel with
/// our in-process pass; all mismatches are reported together.
/// </summary>
public class StdlibParseTests
{
    [PythonFact]
    public void EveryStdlibFileParsesWithTheBindingsAndImportsAstReports()
    {
        string stdlib = PythonOracle.Stdlib;
        Task<Dictionary<string, JsonElement>> oracle = Task.Run(() => StdlibAstOracle.Run(stdlib));

        // Our pass, while python3 works: each file's bytes, decoded as an import decodes them.
        var ours = new Dictionary<string, FileFacts>(StringComparer.Ordinal);
        foreach (string path in StdlibFiles(stdlib))
        {
            string relative = Path.GetRelativePath(stdlib, path).Replace(Path.DirectorySeparatorChar, '/');
            ours[relative] = Facts(File.ReadAllBytes(path), relative);
        }

        Dictionary<string, JsonElement> expected = oracle.Result;
        var problems = new List<string>();
        foreach (string missing in ours.Keys.Except(expected.Keys))
        {
            problems.Add($"{missing}: listed by us, not by python3");
        }
        int compared = 0;
        int rejected = 0;
        foreach ((string path, JsonElement file) in expected)
        {
            if (file.TryGetProperty("rejected", out _))
            {
                rejected++;
                continue;
            }
            if (!ours.TryGetValue(path, out FileFacts? facts))
            {
                problems.Add($"{path}: listed by python3, not by us");
                continue;
            }
            compared++;
            Compare(path, file, facts, problems);
        }
        Assert.True(compared > 1000, $"only {compared} files compared: is {stdlib} the standard library?");
        Assert.True(problems.Count == 0,
            $"{problems.Count} problems in {compared} files ({rejected} rejected by CPython and skipped):\n" + string.Join("\n", problems.Take(200)));
    }

    /// <summary>What we found in one file: bound names and imports, or the error that stopped us.</summary>
    private sealed record FileFacts(SortedSet<string>? Bound, List<string> Imports, string? Error);

    private static FileFacts Facts(byte[] source, string path)
    {
        try
        {
            ModuleCode module = PythonParser.Parse(source, path);
            return new FileFacts(ModuleFacts.TopLevelBoundNames(module), ModuleFacts.Imports(module), null);
        }
        catch (PythonSyntaxError e)
        {
            return new FileFacts(null, [], $"{e.TypeName}: {e.Message} (line {e.Line}, offset {e.Offset}): {e.Text?.Trim()}");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Reported only for files CPython accepts; for the others any refusal is right.
            return new FileFacts(null, [], $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static void Compare(string path, JsonElement file, FileFacts facts, List<string> problems)
    {
        if (facts.Error is not null)
        {
            problems.Add($"{path}: {facts.Error}");
            return;
        }
        var bound = new SortedSet<string>(file.GetProperty("bound").EnumerateArray().Select(e => e.GetString()!), StringComparer.Ordinal);
        if (!bound.SetEquals(facts.Bound!))
        {
            problems.Add($"{path}: bound names: ast only [{string.Join(", ", bound.Except(facts.Bound!))}], ours only [{string.Join(", ", facts.Bound!.Except(bound))}]");
        }
        var imports = file.GetProperty("imports").EnumerateArray()
            .Select(i => ModuleFacts.Describe(i[0].GetString()!, i[1].GetString(), i[2].GetInt32(),
                i[3].EnumerateArray().Select(n => (n[0].GetString()!, n[1].GetString())), i[4].GetInt32(), i[5].GetBoolean()))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (!imports.SequenceEqual(facts.Imports))
        {
            problems.Add($"{path}: imports: ast only [{string.Join(" | ", imports.Except(facts.Imports))}], ours only [{string.Join(" | ", facts.Imports.Except(imports))}]");
        }
    }

    /// <summary>The same walk as the oracle script: every .py file, skipping site-packages and __pycache__.</summary>
    internal static IEnumerable<string> StdlibFiles(string stdlib)
    {
        var pending = new Stack<string>([stdlib]);
        while (pending.TryPop(out string? directory))
        {
            foreach (string file in Directory.EnumerateFiles(directory, "*.py"))
            {
                yield return file;
            }
            foreach (string sub in Directory.EnumerateDirectories(directory))
            {
                string name = Path.GetFileName(sub);
                if (name is not ("site-packages" or "__pycache__"))
                {
                    pending.Push(sub);
                }
            }
        }
    }
}

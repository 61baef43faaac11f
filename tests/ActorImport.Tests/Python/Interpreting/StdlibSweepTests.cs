using System.Text.Json;
using ActorImport.Model;
using ActorImport.Python.Interpreting;
using ActorImport.Tests.Conformance;
using Xunit.Abstractions;

namespace ActorImport.Tests.Python.Interpreting;

/// <summary>
/// Every module and package of the host's standard library down to three levels (tests, idlelib
/// and modules with effects outside the import system left out), imported one after the other both by
/// <c>python3 -I -S</c> and through the interpreter over a <see cref="FakeImportSystem"/> on the
/// same standard library (which first imports what CPython has in sys.modules at start-up, so that
/// both sides begin alike). Per module: whether the import raises, and with what type, must be
/// CPython's; the modules each import adds to sys.modules are compared and the share that
/// matches exactly is written to the test output (the engine's own import-graph test, issue 5/8,
/// holds the 95% bar).
/// </summary>
public class StdlibSweepTests(ITestOutputHelper output)
{
    private static readonly HashSet<string> Skipped = ["antigravity", "this", "__hello__", "__phello__", "idlelib", "turtle", "turtledemo", "pydoc", "test", "tests", "site-packages", "__pycache__", "__phello__"];

    private const string Script = """
        import sys, json
        startup = sorted(sys.modules)
        results = []
        for name in sys.argv[1:]:
            before = set(sys.modules)
            error = None
            try:
                __import__(name)
            except BaseException as e:
                error = type(e).__name__
            results.append({'name': name, 'error': error, 'added': sorted(set(sys.modules) - before)})
        print(json.dumps({'startup': startup, 'results': results}))
        """;

    /// <summary>The importable names under <paramref name="directory"/>, packages before their submodules, down to <paramref name="depth"/> components.</summary>
    private static IEnumerable<string> ModuleNames(string directory, string prefix, int depth)
    {
        var names = new List<string>();
        foreach (string file in Directory.GetFiles(directory, "*.py").Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileNameWithoutExtension(file);
            if (name is not ("__init__" or "__main__") && !name.Contains('-'))
            {
                names.Add(prefix + name);
            }
        }
        foreach (string package in Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(package);
            if (File.Exists(Path.Combine(package, "__init__.py")) && !name.Contains('-'))
            {
                names.Add(prefix + name);
                if (depth > 1)
                {
                    names.AddRange(ModuleNames(package, prefix + name + ".", depth - 1));
                }
            }
        }
        return names;
    }

    [PythonFact]
    public void EveryTopLevelStdlibModuleImportsOrFailsAsInCPython()
    {
        string[] names = ModuleNames(PythonOracle.Stdlib, string.Empty, depth: 3).Where(n => !n.Split('.').Any(Skipped.Contains)).ToArray();
        JsonElement cpython = PythonOracle.RunJson(Script, names, flags: "-I -S -W ignore");

        using var fake = new FakeImportSystem(new InterpreterOptions { HonourSleep = false }, root: PythonOracle.Stdlib);
        foreach (JsonElement startup in cpython.GetProperty("startup").EnumerateArray())
        {
            try
            {
                fake.Import(startup.GetString()!);
            }
            catch (PythonException)
            {
                // Frozen-only modules CPython has at start-up, and __main__ (the -c script).
                fake.Put(startup.GetString()!, new ModuleObject(startup.GetString()!));
            }
        }

        var wrongOutcome = new List<string>();
        int sameModules = 0;
        var differentModules = new List<string>();
        foreach (JsonElement expected in cpython.GetProperty("results").EnumerateArray())
        {
            string name = expected.GetProperty("name").GetString()!;
            string? expectedError = expected.GetProperty("error").GetString();
            var before = fake.SysModules.Keys.ToHashSet(StringComparer.Ordinal);
            string? error = null;
            try
            {
                fake.Import(name);
            }
            catch (PythonException e)
            {
                error = e.TypeName;
            }
            if (error != expectedError)
            {
                wrongOutcome.Add($"{name}: CPython {expectedError ?? "imports it"}, ours {error ?? "imports it"}");
            }
            string[] added = fake.SysModules.Keys.Where(k => !before.Contains(k)).Order(StringComparer.Ordinal).ToArray();
            string[] expectedAdded = expected.GetProperty("added").EnumerateArray().Select(e => e.GetString()!).ToArray();
            if (added.SequenceEqual(expectedAdded))
            {
                sameModules++;
            }
            else
            {
                differentModules.Add($"{name}: missing [{string.Join(", ", expectedAdded.Except(added))}] extra [{string.Join(", ", added.Except(expectedAdded))}]");
            }
        }
        output.WriteLine($"{names.Length} modules; same sys.modules additions for {sameModules} ({100.0 * sameModules / names.Length:F1}%)");
        foreach (string line in differentModules)
        {
            output.WriteLine("  " + line);
        }
        Assert.True(wrongOutcome.Count == 0, string.Join("\n", wrongOutcome));
    }
}

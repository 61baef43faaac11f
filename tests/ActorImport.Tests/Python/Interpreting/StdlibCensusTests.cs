using ActorImport.Model;
using ActorImport.Python.Interpreting;
using ActorImport.Tests.Conformance;
using Xunit.Abstractions;

namespace ActorImport.Tests.Python.Interpreting;

/// <summary>
/// A census, not a pass/fail check of CPython's answers: every top-level stdlib module is
/// imported through the fake import system over the real standard library, and the reports of
/// what the interpreter could not decide are counted by kind (written to the test output, for
/// comparing before and after a change). Fails only if a body fails with something that is not
/// a Python exception.
/// </summary>
public class StdlibCensusTests(ITestOutputHelper output)
{
    [PythonFact]
    public void UndecidedPointsOfTheStdlibAreCounted()
    {
        using var fake = new FakeImportSystem(new InterpreterOptions { HonourSleep = false }, root: PythonOracle.Stdlib);
        var crashes = new List<string>();
        int imported = 0, raised = 0;
        foreach (string path in Directory.GetFiles(PythonOracle.Stdlib, "*.py").Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileNameWithoutExtension(path);
            if (name is "antigravity" or "this" or "__hello__" or "__phello__")
            {
                continue;
            }
            try
            {
                fake.ImportModule(name);
                imported++;
            }
            catch (PythonException)
            {
                raised++;
            }
            catch (Exception e)
            {
                crashes.Add($"{name}: {e.GetType().Name}: {e.Message}");
            }
        }
        output.WriteLine($"modules run: {fake.Executed.Count}; top-level imported {imported}, raised {raised}");
        output.WriteLine($"diagnostics: {fake.Diagnostics.Count}");
        foreach (var group in fake.Diagnostics.GroupBy(d => d.Kind).OrderBy(g => g.Key))
        {
            output.WriteLine($"  {group.Key}: {group.Count()}");
        }
        foreach (var d in fake.Diagnostics)
        {
            output.WriteLine($"  {d}");
        }
        Assert.Empty(crashes);
    }
}

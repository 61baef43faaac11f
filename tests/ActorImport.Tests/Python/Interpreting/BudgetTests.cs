using ActorImport.Model;
using ActorImport.Python.Interpreting;
using ActorImport.Python.Interpreting.Values;

namespace ActorImport.Tests.Python.Interpreting;

/// <summary>A called body that never ends stops at the budget: reported with file and line, result opaque, the import completes.</summary>
public class BudgetTests
{
    [Fact]
    public void AnEndlessLoopInACalledFunctionStopsAtTheStepBudget()
    {
        using var fake = new FakeImportSystem(new InterpreterOptions { MaxSteps = 5_000 })
            .Write("helper.py", "")
            .Write("spin.py", "def spin():\n    import helper\n    while True:\n        pass\nR = spin()\nAFTER = 1\n");
        ModuleObject module = fake.ImportModule("spin");
        Assert.IsType<OpaqueValue>(module.GetAttributeOrDefault("R"));
        Assert.Equal(1L, module.GetAttributeOrDefault("AFTER"));
        Assert.Contains("helper", fake.Executed);
        InterpreterDiagnostic budget = Assert.Single(fake.Diagnostics, d => d.Kind == DiagnosticKind.Budget);
        Assert.Equal(5, budget.Line);
        Assert.EndsWith("spin.py", budget.FileName);
        Assert.Contains("step budget", budget.Message);
    }

    [Fact]
    public void EndlessRecursionStopsAtTheDepthBudget()
    {
        using var fake = new FakeImportSystem(new InterpreterOptions { MaxCallDepth = 50 })
            .Write("rec.py", "def down(n):\n    return down(n + 1)\ntry:\n    R = down(0)\nexcept RecursionError:\n    R = 'caught'\nAFTER = 1\n");
        ModuleObject module = fake.ImportModule("rec");
        Assert.IsType<OpaqueValue>(module.GetAttributeOrDefault("R"));
        Assert.Equal(1L, module.GetAttributeOrDefault("AFTER"));
        InterpreterDiagnostic budget = Assert.Single(fake.Diagnostics, d => d.Kind == DiagnosticKind.Budget);
        Assert.Equal(4, budget.Line);
        Assert.Contains("call depth budget (50)", budget.Message);
        Assert.Contains("rec.py:2", budget.Message);
    }

    [Fact]
    public void TheDefaultDepthBudgetDoesNotOverflowTheStack()
    {
        // Runs on a thread with a small stack (512 KiB) to show the stack guard turns a deep
        // recursion into a budget report rather than a crash.
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var fake = new FakeImportSystem().Write("deep.py", "def down(n):\n    return down(n + 1)\nR = down(0)\n");
                fake.ImportModule("deep");
                Assert.Contains(fake.Diagnostics, d => d.Kind == DiagnosticKind.Budget);
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, 512 * 1024);
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromMinutes(1)), "hang detector");
        Assert.Null(failure);
    }
}

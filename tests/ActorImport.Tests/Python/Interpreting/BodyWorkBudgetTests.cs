using ActorImport.Model;
using ActorImport.Python.Interpreting;
using ActorImport.Python.Interpreting.Values;

namespace ActorImport.Tests.Python.Interpreting;

/// <summary>
/// The module body's work budget (open item 10 of docs/reliability.md's Fuzzing section): every
/// loop and comprehension iteration and the items of bulk operations count against one
/// <c>max-steps</c> budget per body execution, so nested loops add up instead of multiplying the
/// per-loop bound, and the import completes with a Budget report.
/// </summary>
public class BodyWorkBudgetTests
{
    private static readonly TimeSpan HangDetector = TimeSpan.FromMinutes(2);

    /// <summary>Imports <paramref name="name"/> on a worker, failing (not timing) when it does not end within the hang detector.</summary>
    private static ModuleObject ImportBounded(FakeImportSystem fake, string name)
    {
        var import = Task.Run(() => fake.ImportModule(name));
        Assert.True(import.Wait(HangDetector), "hang detector: the import did not complete");
        return import.Result;
    }

    [Fact]
    public void TheFuzzersNestedEndlessLoopsEndWithABudgetReport()
    {
        // The fourth long run's program (programs property, case 28,509), at the default budget:
        // three always-true loops, each iteration materialising a 10^6-item list.
        using var fake = new FakeImportSystem()
            .Write("spin.py", "while b'b':\n    while range(3):\n        while 1:\n            x = list(range(10**6))\nAFTER = 1\n");
        ModuleObject module = ImportBounded(fake, "spin");
        Assert.Equal(1L, module.GetAttributeOrDefault("AFTER"));
        Assert.Contains(fake.Diagnostics, d => d.Kind == DiagnosticKind.Budget && d.Message.Contains("work budget", StringComparison.Ordinal));
    }

    [Fact]
    public void ThreeNestedLoopsOfTenThousandIterationsAreBoundedByMaxSteps()
    {
        var options = new InterpreterOptions { MaxSteps = 50_000 };
        using var fake = new FakeImportSystem(options)
            .Write("nested.py", "n = 0\nfor i in range(10000):\n    for j in range(10000):\n        for k in range(10000):\n            n += 1\nAFTER = 1\n");
        ModuleObject module = ImportBounded(fake, "nested");
        long n = Assert.IsType<long>(module.GetAttributeOrDefault("n"));
        Assert.InRange(n, 1, options.MaxSteps);
        Assert.Equal(1L, module.GetAttributeOrDefault("AFTER"));
        Assert.Contains(fake.Diagnostics, d => d.Kind == DiagnosticKind.Budget && d.Line is 2 or 3 or 4);
    }

    [Fact]
    public void TheDefaultBudgetBoundsNestedLoopsToo()
    {
        using var fake = new FakeImportSystem()
            .Write("nested.py", "n = 0\nwhile True:\n    while True:\n        while True:\n            n += 1\nAFTER = 1\n");
        ModuleObject module = ImportBounded(fake, "nested");
        long n = Assert.IsType<long>(module.GetAttributeOrDefault("n"));
        Assert.InRange(n, 1, InterpreterOptions.Default.MaxSteps);
        Assert.Equal(1L, module.GetAttributeOrDefault("AFTER"));
    }

    [Fact]
    public void CallsInsideLoopsShareTheBodysBudget()
    {
        using var fake = new FakeImportSystem(new InterpreterOptions { MaxSteps = 20_000 })
            .Write("calls.py", "def f():\n    return [i for i in range(1000)]\nfor i in range(10000):\n    for j in range(10000):\n        R = f()\nAFTER = 1\n");
        ModuleObject module = ImportBounded(fake, "calls");
        Assert.Equal(1L, module.GetAttributeOrDefault("AFTER"));
        Assert.Contains(fake.Diagnostics, d => d.Kind == DiagnosticKind.Budget);
    }

    [Fact]
    public void BulkOperationsOverTheBudgetGiveOpaqueValues()
    {
        using var fake = new FakeImportSystem(new InterpreterOptions { MaxSteps = 1_000 })
            .Write("bulk.py", "SMALL = 'ab' * 3\nBIG = 'ab' * 5000\nL = [0] * 5000\nC = [i for i in range(5000)]\nJ = ''.join(['x'] * 10)\nAFTER = 1\n");
        ModuleObject module = ImportBounded(fake, "bulk");
        Assert.Equal("ababab", module.GetAttributeOrDefault("SMALL"));
        Assert.IsType<OpaqueValue>(module.GetAttributeOrDefault("BIG"));
        Assert.IsType<OpaqueValue>(module.GetAttributeOrDefault("L"));
        Assert.IsType<OpaqueValue>(module.GetAttributeOrDefault("C"));
        Assert.Equal(1L, module.GetAttributeOrDefault("AFTER"));
        Assert.Contains(fake.Diagnostics, d => d.Kind == DiagnosticKind.Budget && d.Line == 2);
    }

    [Fact]
    public void WorkWithinTheBudgetIsExact()
    {
        using var fake = new FakeImportSystem()
            .Write("exact.py", "n = 0\nfor i in range(100):\n    for j in range(100):\n        n += 1\nS = len([i for i in range(1000)])\n");
        ModuleObject module = ImportBounded(fake, "exact");
        Assert.Equal(10_000L, module.GetAttributeOrDefault("n"));
        Assert.Equal(1_000L, module.GetAttributeOrDefault("S"));
        Assert.DoesNotContain(fake.Diagnostics, d => d.Kind == DiagnosticKind.Budget);
    }

    [Fact]
    public void DoublingLoopsStopAtTheBudgetInsteadOfExhaustingMemory()
    {
        using var fake = new FakeImportSystem()
            .Write("double.py", "s = 'ab'\nl = [0]\nt = (0,)\nwhile True:\n    s = s + s\n    l += l\n    t = t + t\nAFTER = 1\n");
        ModuleObject module = ImportBounded(fake, "double");
        Assert.Equal(1L, module.GetAttributeOrDefault("AFTER"));
        Assert.Contains(fake.Diagnostics, d => d.Kind == DiagnosticKind.Budget);
    }

    [Fact]
    public void ConstantTimeBuiltinsInALoopCostOneStepEach()
    {
        // len(l) does not walk l: 5,000 iterations over a 5,000-item list stay well within the budget.
        using var fake = new FakeImportSystem()
            .Write("walk.py", "l = list(range(5000))\ni = 0\nwhile i < len(l):\n    i += 1\n");
        ModuleObject module = ImportBounded(fake, "walk");
        Assert.Equal(5_000L, module.GetAttributeOrDefault("i"));
        Assert.DoesNotContain(fake.Diagnostics, d => d.Kind == DiagnosticKind.Budget);
    }
}

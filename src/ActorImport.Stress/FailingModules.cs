namespace ActorImport.Stress;

/// <summary>
/// Submodules named <c>bad</c> in every third core package whose body ends in <c>raise</c>
/// (ImportError or ValueError, with a message naming the module): every import of them fails
/// with exactly that exception, and a failed attempt must leave nothing in <c>sys.modules</c>.
/// They import nothing but the ledger and <c>time</c>, so no failure spreads to a core module
/// except through a fallback that catches it. Stateless.
/// </summary>
internal static class FailingModules
{
    public static List<ModulePlan> Plan(UniverseShape shape, List<ModulePlan> core, Random random)
    {
        var failing = new List<ModulePlan>();
        int packageNumber = 0;
        foreach (ModulePlan package in core.Where(p => p.IsPackage))
        {
            if (packageNumber++ % 3 == 1)
            {
                var bad = new ModulePlan($"{package.Name}.bad", isPackage: false);
                string type = random.Next(2) == 0 ? "ImportError" : "ValueError";
                bad.Expectation = new ModuleExpectation(false, [new ExpectedFailure(type, $"generated failure in {bad.Name}")]);
                failing.Add(bad);
            }
        }
        return failing;
    }

    public static void WriteBodies(UniverseShape shape, List<ModulePlan> failing, List<ModulePlan> core, Random random)
    {
        foreach (ModulePlan bad in failing)
        {
            bad.Line("EBAD = 1");
            if (shape.StarImports)
            {
                bad.Line("__all__ = ['EBAD']");
            }
            if (shape.Sleeps && random.Next(2) == 0)
            {
                bad.Line($"import time\ntime.sleep(0.00{1 + random.Next(3)})");
            }
            ExpectedFailure failure = bad.Expectation.Failures[0];
            bad.Line($"raise {failure.Type}('{failure.Message}')");
        }
    }
}

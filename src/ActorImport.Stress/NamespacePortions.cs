namespace ActorImport.Stress;

/// <summary>
/// A namespace package (no <c>__init__.py</c>) split across the two search-path entries:
/// <c>a0</c>, <c>a1</c> in the first, <c>b0</c>, <c>b1</c> in the second. Each imports core
/// modules; the <c>b</c> modules also import their <c>a</c> siblings relatively, across the
/// portions. Nothing imports them back, so they sit in no cycle. Stateless.
/// </summary>
internal static class NamespacePortions
{
    public static List<ModulePlan> Plan(UniverseShape shape)
    {
        string ns = UniverseNames.NamespacePackage(shape);
        return
        [
            new ModulePlan(ns, isPackage: true, hasFile: false),
            new ModulePlan($"{ns}.a0", isPackage: false, portion: 0),
            new ModulePlan($"{ns}.a1", isPackage: false, portion: 0),
            new ModulePlan($"{ns}.b0", isPackage: false, portion: 1),
            new ModulePlan($"{ns}.b1", isPackage: false, portion: 1),
        ];
    }

    public static void WriteBodies(UniverseShape shape, List<ModulePlan> portions, List<ModulePlan> core, Random random)
    {
        foreach (ModulePlan plan in portions.Where(p => p.HasFile))
        {
            plan.Line("E = 1");
            if (shape.StarImports)
            {
                plan.Line("__all__ = ['E']");
            }
            for (int i = 0; i < 2; i++)
            {
                int j = random.Next(core.Count);
                plan.Line(ImportForms.Of(plan, core[j].Name, j, ImportForms.Pick(shape, random)));
            }
            if (ModulePlan.Leaf(plan.Name).StartsWith('b'))
            {
                plan.Line("from . import a0");
                plan.Line("from .a1 import E as A1_E");
            }
        }
    }
}

namespace ActorImport.Stress;

/// <summary>
/// The statements a shape's features add inside core bodies: a <c>time.sleep</c> of a few
/// milliseconds, a <c>try</c>/<c>except</c> fallback around a missing or failing module, a
/// PEP 810 <c>lazy import</c> (reified at once, or left unused). Each is written with some
/// probability drawn from the generator's <see cref="Random"/>. Used by one generator call.
/// </summary>
internal sealed class BodyFeatures(UniverseShape shape, Random random, List<ModulePlan> core, List<ModulePlan> failing)
{
    public void MaybeSleep(ModulePlan plan)
    {
        if (shape.Sleeps && random.Next(5) == 0)
        {
            plan.Line("import time");
            plan.Line($"time.sleep(0.00{1 + random.Next(3)})");
        }
    }

    /// <summary>
    /// A fallback the body always survives: a missing module (absolute, or relative, where
    /// <c>from . import x</c> becomes "cannot import name"), or a failing module caught by the
    /// type it raises. Only failing modules of this package or earlier ones qualify: importing a
    /// later package would run its <c>__init__</c>, which may import this partial module back.
    /// </summary>
    public void MaybeFallback(ModulePlan plan, int k)
    {
        if (!shape.Fallbacks || random.Next(3) != 0)
        {
            return;
        }
        int n = random.Next(1000);
        // A package's __init__ importing its own submodule finds itself partial (the child's
        // parent): a cycle in all but name, so an acyclic universe keeps out of it.
        bool ownSubmodules = plan.IsPackage && !shape.HasCycles;
        List<ModulePlan> reachable = [.. failing.Where(b => core.FindIndex(c => c.Name == ModulePlan.Parent(b.Name)) <= k
                                                          && !(ownSubmodules && ModulePlan.Parent(b.Name) == plan.Name))];
        int choice = random.Next(reachable.Count > 0 ? 3 : 2);
        switch (ownSubmodules && choice == 1 ? 0 : choice)
        {
            case 0:
                string missing = $"{UniverseNames.Stem(shape)}_missing{n}";
                plan.Line($"try:\n    import {missing}\nexcept ImportError:\n    {missing} = None");
                break;
            case 1:
                plan.Line($"try:\n    from . import missing{n}\nexcept ImportError:\n    missing{n} = None");
                break;
            default:
                ModulePlan bad = reachable[random.Next(reachable.Count)];
                string type = bad.Expectation.Failures[0].Type;
                string parent = ModulePlan.Parent(bad.Name);
                string from = parent == plan.Package ? "." : parent;
                plan.Line(type == "ImportError"
                    ? $"try:\n    from {from} import bad\nexcept ImportError:\n    bad = None"
                    : $"try:\n    import {bad.Name}\nexcept {type}:\n    pass");
                break;
        }
    }

    /// <summary>
    /// <c>lazy import P</c> of an earlier top-level package, reified at once by reading its
    /// <c>E</c> (bound before its imports, so valid even when partial), or <c>lazy from P import
    /// m</c> of an earlier submodule, never used by this body.
    /// </summary>
    public void MaybeLazy(ModulePlan plan, int k)
    {
        if (!shape.LazyImports || k == 0 || random.Next(3) != 0)
        {
            return;
        }
        int j = random.Next(k);
        string target = core[j].Name;
        if (core[j].IsPackage)
        {
            plan.Line($"lazy import {target}");
            if (random.Next(2) == 0)
            {
                plan.Line($"_L{k} = {target}.E{j}");
            }
        }
        else
        {
            plan.Line($"lazy from {ModulePlan.Parent(target)} import {ModulePlan.Leaf(target)}");
        }
    }
}

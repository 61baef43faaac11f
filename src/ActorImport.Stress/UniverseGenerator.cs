using System.Text;

namespace ActorImport.Stress;

/// <summary>
/// Writes a module universe as real <c>.py</c> files that CPython imports. The core is packages
/// of submodules in a fixed order where module k imports only modules before it (absolute,
/// from-, relative and star forms), and every <see cref="UniverseShape.CycleEvery"/>-th module
/// also imports a later one after its own names are bound — cycles CPython and the engine
/// resolve with partial modules. Every module binds <c>E{k}</c> before its first import, so a
/// from-import of <c>E{k}</c> (or a star import, <c>__all__</c> naming only it) is valid even
/// of a partial module; <c>V{k}</c> and <c>f{k}</c> come after the imports, so with cycles only
/// forms that need no such attribute are written. The shape's features add modules on top
/// (<see cref="FailingModules"/>, <see cref="NamespacePortions"/>, <see cref="CycleIslands"/>,
/// the ledger) and statements inside core bodies (<see cref="BodyFeatures"/>). One seed, one
/// universe: every choice comes from one <see cref="Random"/> consumed in a fixed order.
/// Stateless; safe from any thread.
/// </summary>
public static class UniverseGenerator
{
    /// <summary>Writes the universe of <paramref name="shape"/> below <paramref name="root"/> (which must not exist or be empty).</summary>
    public static Universe Write(UniverseShape shape, string root)
    {
        shape.Validate();
        root = Path.GetFullPath(root);
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            throw new IOException($"{root}: the universe's directory must be empty");
        }
        string[] searchPath = shape.NamespacePackage ? [root, Path.Combine(root, UniverseNames.SecondPortion)] : [root];
        var random = new Random(shape.Seed);

        // Every module first (so bodies can name any of them), then the bodies in order.
        List<ModulePlan> core = [.. ModuleNames(shape).Select(n => new ModulePlan(n, isPackage: !n.Contains('.')))];
        List<ModulePlan> failing = shape.Failures ? FailingModules.Plan(shape, core, random) : [];
        List<ModulePlan> portions = shape.NamespacePackage ? NamespacePortions.Plan(shape) : [];
        List<ModulePlan> islands = CycleIslands.Plan(shape);
        List<ModulePlan> all = [.. core, .. failing, .. portions, .. islands];
        ModulePlan? ledger = shape.Ledger ? new ModulePlan(UniverseNames.Ledger(shape), isPackage: false) : null;
        var ledgerLists = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ledger is not null)
        {
            ledger.Line($"\"\"\"{ledger.Name}: one list per generated module; each body appends its name once per execution.\"\"\"");
            for (int i = 0; i < all.Count; i++)
            {
                if (all[i].HasFile)
                {
                    ledgerLists[all[i].Name] = UniverseNames.LedgerList(i);
                    ledger.Line($"{UniverseNames.LedgerList(i)} = []");
                }
            }
            all.Add(ledger);
        }
        foreach (ModulePlan plan in all.Where(p => p.HasFile && p != ledger))
        {
            plan.Line($"\"\"\"{plan.Name}: generated from seed {shape.Seed}.\"\"\"");
            if (ledger is not null)
            {
                plan.Line($"from {ledger.Name} import {ledgerLists[plan.Name]} as _ran");
                plan.Line("_ran.append(__name__)");
            }
        }

        var features = new BodyFeatures(shape, random, core, failing);
        for (int k = 0; k < core.Count; k++)
        {
            CoreBody(shape, core, k, random, features);
        }
        FailingModules.WriteBodies(shape, failing, core, random);
        NamespacePortions.WriteBodies(shape, portions, core, random);
        CycleIslands.WriteBodies(islands, searchPath);

        foreach (ModulePlan plan in all.Where(p => p.HasFile))
        {
            string path = Path.Combine(searchPath[plan.Portion], plan.RelativeFile);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, plan.Body.ToString(), new UTF8Encoding(false));
        }
        string[] names = [.. all.Select(p => p.Name)];
        return new Universe(
            root,
            searchPath,
            names,
            [.. names.Where(n => !n.Contains('.'))],
            all.ToDictionary(p => p.Name, p => p.Expectation, StringComparer.Ordinal),
            ledgerLists,
            shape);
    }

    /// <summary>The core names in import order: each package's <c>__init__</c> first, then its submodules.</summary>
    public static string[] ModuleNames(UniverseShape shape)
    {
        var names = new string[shape.ModuleCount];
        int perPackage = shape.ModulesPerPackage + 1;
        for (int k = 0; k < names.Length; k++)
        {
            string package = $"{UniverseNames.Stem(shape)}_{k / perPackage}";
            int position = k % perPackage;
            names[k] = position == 0 ? package : $"{package}.m{position}";
        }
        return names;
    }

    /// <summary>
    /// Core module k: <c>E{k}</c> (and <c>__all__</c>) before anything is imported, a sleep
    /// perhaps, imports of earlier modules, a fallback and a lazy import perhaps, then
    /// <c>V{k}</c>, <c>f{k}</c> and, at a cycle point, the import of a later module.
    /// </summary>
    private static void CoreBody(UniverseShape shape, List<ModulePlan> core, int k, Random random, BodyFeatures features)
    {
        ModulePlan plan = core[k];
        plan.Line($"E{k} = {k}");
        if (shape.StarImports)
        {
            plan.Line($"__all__ = ['E{k}']");
        }
        features.MaybeSleep(plan);
        int imports = Math.Min(k, shape.ImportsPerModule);
        for (int i = 0; i < imports; i++)
        {
            int j = random.Next(k);
            plan.Line(ImportForms.Of(plan, core[j].Name, j, ImportForms.Pick(shape, random)));
        }
        features.MaybeFallback(plan, k);
        features.MaybeLazy(plan, k);
        plan.Line($"V{k} = {k}");
        plan.Line($"def f{k}():\n    return V{k}");
        if (shape.CycleEvery > 0 && k % shape.CycleEvery == shape.CycleEvery - 1 && k + 1 < core.Count)
        {
            int later = k + 1 + random.Next(core.Count - k - 1);
            // After the cycle point: the later module may import this one back and find V{k}.
            plan.Line($"import {core[later].Name}");
        }
    }
}

namespace ActorImport.Stress;

/// <summary>
/// Packages of two submodules <c>a</c> and <c>b</c> that import each other with
/// <c>from x import y</c>, one kind per island in turn:
/// <list type="bullet">
/// <item><b>before</b>: each binds <c>EARLY</c> before the cycle point and imports the other's
/// <c>EARLY</c> (and the other module itself, through <c>sys.modules</c>): always succeeds.</item>
/// <item><b>after</b>: <c>a</c> binds <c>LATE</c> after importing <c>b</c>, and <c>b</c> imports
/// <c>LATE</c> from <c>a</c>: entered from <c>b</c> both succeed; entered from <c>a</c> both fail
/// with CPython's "partially initialized module" ImportError.</item>
/// <item><b>mutual</b>: each imports a name the other binds after the cycle point: always fails,
/// with the message about whichever module was entered first.</item>
/// </list>
/// Nothing else imports them. Stateless.
/// </summary>
internal static class CycleIslands
{
    private static readonly string[] Kinds = ["before", "after", "mutual"];

    public static List<ModulePlan> Plan(UniverseShape shape)
    {
        var plans = new List<ModulePlan>();
        for (int i = 0; i < shape.CycleIslands; i++)
        {
            string package = UniverseNames.CycleIsland(shape, i);
            plans.Add(new ModulePlan(package, isPackage: true));
            plans.Add(new ModulePlan($"{package}.a", isPackage: false));
            plans.Add(new ModulePlan($"{package}.b", isPackage: false));
        }
        return plans;
    }

    public static void WriteBodies(List<ModulePlan> islands, IReadOnlyList<string> searchPath)
    {
        for (int i = 0; i + 2 < islands.Count; i += 3)
        {
            ModulePlan package = islands[i], a = islands[i + 1], b = islands[i + 2];
            string kind = Kinds[i / 3 % Kinds.Length];
            package.Line($"KIND = '{kind}'");
            string aFile = Path.Combine(searchPath[a.Portion], a.RelativeFile);
            string bFile = Path.Combine(searchPath[b.Portion], b.RelativeFile);
            switch (kind)
            {
                case "before":
                    a.Line("EARLY = 1").Line("from . import b").Line("from .b import EARLY as B_EARLY").Line("LATE = 2");
                    b.Line("EARLY = 1").Line("from .a import EARLY as A_EARLY").Line("from . import a").Line("LATE = 2");
                    break;
                case "after":
                    a.Line("from . import b").Line("LATE = 1");
                    b.Line("from .a import LATE");
                    var late = new ModuleExpectation(true, [new ExpectedFailure("ImportError", UniverseNames.PartiallyInitialized("LATE", a.Name, aFile))]);
                    a.Expectation = late;
                    b.Expectation = late;
                    break;
                default:
                    a.Line("from .b import WB").Line("WA = 1");
                    b.Line("from .a import WA").Line("WB = 1");
                    var mutual = new ModuleExpectation(false,
                    [
                        new ExpectedFailure("ImportError", UniverseNames.PartiallyInitialized("WA", a.Name, aFile)),
                        new ExpectedFailure("ImportError", UniverseNames.PartiallyInitialized("WB", b.Name, bFile)),
                    ]);
                    a.Expectation = mutual;
                    b.Expectation = mutual;
                    break;
            }
        }
    }
}

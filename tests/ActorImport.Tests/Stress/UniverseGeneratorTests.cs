using System.Text.Json;
using ActorImport.Stress;
using ActorImport.Tests.Conformance;
using ActorImport.Tests.Configuration;

namespace ActorImport.Tests.Stress;

public class UniverseGeneratorTests
{
    /// <summary>
    /// Imports every name of a universe in a seeded random order with <c>__import__</c>, catching
    /// failures, and prints each outcome, the ledger's counts and what <c>sys.modules</c> holds.
    /// </summary>
    private const string ImportEveryName = """
        import sys, random, json
        count = int(sys.argv[1])
        sys.path[0:0] = sys.argv[3:3 + count]
        names = sys.argv[3 + count:]
        random.seed(int(sys.argv[2])); random.shuffle(names)
        outcomes = {}
        for n in names:
            try:
                __import__(n)
                outcomes[n] = None
            except Exception as e:
                outcomes[n] = [type(e).__name__, str(e)]
        ledger = [m for m in sys.modules if m.endswith('_ledger')]
        counts = {k: len(v) for k, v in vars(sys.modules[ledger[0]]).items() if isinstance(v, list)} if ledger else {}
        print(json.dumps({'outcomes': outcomes, 'counts': counts, 'present': [n for n in names if n in sys.modules]}))
        """;

    [Fact]
    public void OneSeedGivesOneUniverse()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        var shape = UniverseShape.Adversarial(7, 60, lazyImports: true);
        UniverseGenerator.Write(shape, first.Path);
        UniverseGenerator.Write(shape, second.Path);
        string[] files = Directory.GetFiles(first.Path, "*.py", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(first.Path, f)).Order(StringComparer.Ordinal).ToArray();
        Assert.True(files.Length > 60);
        foreach (string file in files)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(first.Path, file)), File.ReadAllText(Path.Combine(second.Path, file)));
        }
    }

    [Fact]
    public void APlainShapeWritesOneFilePerModuleInOneEntry()
    {
        using var dir = new TempDirectory();
        Universe universe = UniverseGenerator.Write(new UniverseShape(Seed: 7, ModuleCount: 60, CycleEvery: 5), dir.Path);
        Assert.Equal(60, Directory.GetFiles(dir.Path, "*.py", SearchOption.AllDirectories).Length);
        Assert.Equal([Path.GetFullPath(dir.Path)], universe.SearchPath);
        Assert.All(universe.Expectations.Values, e => Assert.True(e.AlwaysSucceeds));
    }

    [Fact]
    public void ANonEmptyDirectoryIsRefused()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(Path.Combine(dir.Path, "keep.txt"), "mine");
        Assert.Throws<IOException>(() => UniverseGenerator.Write(new UniverseShape(1, 5), dir.Path));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(dir.Path, "keep.txt")));
    }

    [Fact]
    public void EveryFeatureIsWrittenWhenSwitchedOn()
    {
        using var dir = new TempDirectory();
        Universe universe = UniverseGenerator.Write(UniverseShape.Adversarial(1, 80, lazyImports: true), dir.Path);
        string all = string.Join("\n", Directory.GetFiles(dir.Path, "*.py", SearchOption.AllDirectories).Select(File.ReadAllText));
        foreach (string feature in (string[])["from . import *", " import *", "__all__ = ", "raise ImportError(", "raise ValueError(", "except ImportError:",
                     "from . import missing", "lazy import ", "lazy from ", "time.sleep(0.00", "from .a import LATE", "from .b import WB", "_ran.append(__name__)"])
        {
            Assert.Contains(feature, all);
        }
        string ns = UniverseNames.NamespacePackage(universe.Shape);
        Assert.Equal(2, universe.SearchPath.Count);
        Assert.True(File.Exists(Path.Combine(universe.SearchPath[0], ns, "a0.py")));
        Assert.True(File.Exists(Path.Combine(universe.SearchPath[1], ns, "b0.py")));
        Assert.False(File.Exists(Path.Combine(universe.SearchPath[0], ns, "__init__.py")));
        Assert.Contains(universe.Expectations.Values, e => e.AlwaysFails);
        Assert.Contains(universe.Expectations.Values, e => e.MaySucceed && e.Failures.Count > 0);
    }

    [PythonTheory]
    [InlineData(1, 0)]
    [InlineData(2, 4)]
    [InlineData(3, 2)]
    public void CPythonImportsAPlainUniverseInAnyOrder(int seed, int cycleEvery)
    {
        using var dir = new TempDirectory();
        Universe universe = UniverseGenerator.Write(new UniverseShape(seed, 120, CycleEvery: cycleEvery), dir.Path);
        Outcome outcome = ImportWithCPython(universe, seed);
        Assert.All(universe.Modules, n => Assert.Null(outcome.Errors[n]));
    }

    /// <summary>
    /// Each feature imported by python3, in several orders: every outcome is one the universe
    /// expects (failures with their exact type and message), a module that always succeeds ran
    /// exactly once, and a module that always fails is not left in <c>sys.modules</c>.
    /// </summary>
    [PythonTheory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void CPythonImportsAnAdversarialUniverseAsItsExpectationsSay(int seed)
    {
        using var dir = new TempDirectory();
        Universe universe = UniverseGenerator.Write(UniverseShape.Adversarial(seed, 70), dir.Path);
        Outcome outcome = ImportWithCPython(universe, seed);
        foreach (string name in universe.Modules)
        {
            ModuleExpectation expected = universe.Expectations[name];
            string[]? error = outcome.Errors[name];
            Assert.True(expected.Allows(error?[0], error?[1]), $"{name}: CPython gave {(error is null ? "success" : string.Join(": ", error))}; expected {expected.Describe()}");
            if (expected.AlwaysSucceeds && universe.LedgerLists.TryGetValue(name, out string? list))
            {
                Assert.True(outcome.Counts[list] == 1, $"{name} ran {outcome.Counts[list]} times");
            }
            if (expected.AlwaysFails)
            {
                Assert.DoesNotContain(name, outcome.Present);
            }
        }
    }

    /// <summary>Each feature alone (on a cyclic core and an acyclic one), imported by python3 as its expectations say.</summary>
    [PythonTheory]
    [InlineData("ledger")]
    [InlineData("namespace")]
    [InlineData("islands")]
    [InlineData("star")]
    [InlineData("failures")]
    [InlineData("fallbacks")]
    [InlineData("sleeps")]
    public void EachFeatureAloneIsImportedByCPythonAsExpected(string feature)
    {
        foreach (int cycleEvery in (int[])[0, 3])
        {
            var plain = new UniverseShape(11, 40, ModulesPerPackage: 5, CycleEvery: cycleEvery);
            UniverseShape shape = feature switch
            {
                "ledger" => plain with { Ledger = true },
                "namespace" => plain with { NamespacePackage = true },
                "islands" => plain with { CycleIslands = 3 },
                "star" => plain with { StarImports = true },
                "failures" => plain with { Failures = true },
                "fallbacks" => plain with { Fallbacks = true, Failures = true },
                _ => plain with { Sleeps = true },
            };
            using var dir = new TempDirectory();
            Universe universe = UniverseGenerator.Write(shape, dir.Path);
            Outcome outcome = ImportWithCPython(universe, cycleEvery);
            foreach (string name in universe.Modules)
            {
                string[]? error = outcome.Errors[name];
                Assert.True(universe.Expectations[name].Allows(error?[0], error?[1]), $"{feature}, {name}: CPython gave {(error is null ? "success" : string.Join(": ", error))}");
            }
        }
    }

    private sealed record Outcome(Dictionary<string, string[]?> Errors, Dictionary<string, int> Counts, HashSet<string> Present);

    private static Outcome ImportWithCPython(Universe universe, int seed)
    {
        string output = PythonOracle.RunScript(ImportEveryName,
            [universe.SearchPath.Count.ToString(), seed.ToString(), .. universe.SearchPath, .. universe.Modules], flags: "-I -S");
        using JsonDocument json = JsonDocument.Parse(output);
        var errors = json.RootElement.GetProperty("outcomes").EnumerateObject().ToDictionary(
            p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.EnumerateArray().Select(e => e.GetString()!).ToArray());
        var counts = json.RootElement.GetProperty("counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        var present = json.RootElement.GetProperty("present").EnumerateArray().Select(e => e.GetString()!).ToHashSet();
        return new Outcome(errors, counts, present);
    }
}

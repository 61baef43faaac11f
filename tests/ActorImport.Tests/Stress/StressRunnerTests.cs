using ActorImport.Configuration;
using ActorImport.Stress;
using ActorImport.Stress.Checking;
using ActorImport.Stress.Running;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Stress;

/// <summary>
/// Small stress runs through <see cref="StressRunner"/>: a few seeds (seed 3 is acyclic) on four
/// threads (or four async flows) under both coordinations keep every invariant, with and without
/// lazy imports; the
/// differential run agrees with python3; the hang detector turns a seed that outlives its
/// bounded wait into a violation instead of a hung test.
/// </summary>
public class StressRunnerTests
{
    [Theory]
    [InlineData(CoordinationMode.Actors, false, false)]
    [InlineData(CoordinationMode.Locks, false, false)]
    [InlineData(CoordinationMode.Actors, true, false)]
    [InlineData(CoordinationMode.Locks, true, false)]
    [InlineData(CoordinationMode.Actors, false, true)]
    [InlineData(CoordinationMode.Locks, false, true)]
    public void FourThreadsKeepEveryInvariant(CoordinationMode coordination, bool lazy, bool asyncFlows)
    {
        using var runner = new StressRunner(new StressSettings { Threads = 4, Modules = 40, Coordination = coordination, LazyImports = lazy, AsyncFlows = asyncFlows });
        foreach (int seed in (int[])[0, 1, 2, 3])
        {
            SeedResult result = runner.RunSeed(seed);
            Assert.True(result.Passed, $"seed {seed}: {string.Join("; ", result.Violations)}");
            Assert.Equal(4 * result.Modules, result.Imports);
            Assert.False(result.Hung);
        }
    }

    [Fact]
    public void EachThreadImportsEveryNameInItsOwnSeededOrder()
    {
        using var dir = new Configuration.TempDirectory();
        Universe universe = UniverseGenerator.Write(UniverseShape.Adversarial(5, 30), dir.Path);
        IReadOnlyList<string> first = StressRunner.OrderOf(universe, 5, 0);
        Assert.Equal(universe.Modules.Order(StringComparer.Ordinal), first.Order(StringComparer.Ordinal));
        Assert.Equal(first, StressRunner.OrderOf(universe, 5, 0));
        Assert.NotEqual(first, StressRunner.OrderOf(universe, 5, 1));
    }

    [PythonFact]
    public void TheDifferentialRunAgreesWithCPython()
    {
        using var runner = new StressRunner(new StressSettings { Threads = 2, Modules = 30, Differential = true, Coordination = CoordinationMode.Locks });
        foreach (int seed in (int[])[0, 3])
        {
            SeedResult result = runner.RunSeed(seed);
            Assert.True(result.Compared);
            Assert.True(result.Passed, $"seed {seed}: {string.Join("; ", result.Violations)}");
        }
    }

    [Fact]
    public void ASeedThatOutlivesTheHangDetectorIsAViolationNotAHang()
    {
        // Bodies sleep milliseconds; a bound of a microsecond ends every seed's wait first.
        using var runner = new StressRunner(new StressSettings { Threads = 4, Modules = 40, HangTimeout = TimeSpan.FromTicks(10) });
        SeedResult result = runner.RunSeed(1);
        Assert.True(result.Hung);
        Assert.Contains(result.Violations, v => v.Kind == Violations.Hang);
        Assert.Contains("--timeout 1E-06", runner.Settings.ReproCommand(1));
    }

    [Fact]
    public void TheReproCommandNamesEverySetting()
    {
        var settings = new StressSettings { Threads = 8, Modules = 25, Coordination = CoordinationMode.Locks, Differential = true };
        Assert.Equal("actorimport stress --seeds 17..17 --threads 8 --modules 25 --coordination locks --differential", settings.ReproCommand(17));
        Assert.Throws<ArgumentException>(() => (settings with { LazyImports = true }).Validate());
    }
}

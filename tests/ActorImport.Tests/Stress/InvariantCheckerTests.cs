using ActorImport.Stress;
using ActorImport.Stress.Checking;

namespace ActorImport.Tests.Stress;

/// <summary>
/// The checker against fabricated observations of a small fabricated universe: a clean run
/// passes, and each planted violation is reported with its kind and module.
/// </summary>
public class InvariantCheckerTests
{
    private static readonly ExpectedFailure Raised = new("ValueError", "generated failure in p.bad");
    private static readonly ExpectedFailure Late = new("ImportError", "cannot import name 'LATE' from partially initialized module 'c.a'");

    /// <summary>p (always succeeds), p.bad (always fails), c.a (order-dependent), with a ledger list each.</summary>
    private static Universe Fabricated(bool cycles = true) => new(
        "/u", ["/u"], ["p", "p.bad", "c.a"], ["p"],
        new Dictionary<string, ModuleExpectation>
        {
            ["p"] = ModuleExpectation.Ok,
            ["p.bad"] = new(false, [Raised]),
            ["c.a"] = new(true, [Late]),
        },
        new Dictionary<string, string> { ["p"] = "k0", ["p.bad"] = "k1", ["c.a"] = "k2" },
        new UniverseShape(1, 3, CycleEvery: cycles ? 2 : 0) { Ledger = true });

    private static readonly object P = new(), A = new();

    /// <summary>Two threads; thread 1 saw c.a fail (entered from the failing side), thread 0 later got it.</summary>
    private static StressObservations Clean() => new()
    {
        ByThread =
        [
            [new("p", P), ImportObservation.Failed("p.bad", Raised.Type, Raised.Message), new("c.a", A)],
            [ImportObservation.Failed("c.a", Late.Type, Late.Message), ImportObservation.Failed("p.bad", Raised.Type, Raised.Message), new("p", P)],
        ],
        FinalModules = new Dictionary<string, object?> { ["p"] = P, ["c.a"] = A },
        Executions = new Dictionary<string, int> { ["p"] = 1, ["p.bad"] = 2, ["c.a"] = 2 },
        Partials = 3,
    };

    [Fact]
    public void ACleanRunHasNoViolation() => Assert.Empty(InvariantChecker.Check(Fabricated(), Clean()));

    [Fact]
    public void AHungThreadIsAViolation()
    {
        var run = Clean() with { Hung = [new HungThread(1, "c.a", TimeSpan.FromSeconds(30))] };
        Assert.Equal((Violations.Hang, "c.a"), Single(run));
    }

    [Fact]
    public void AModuleLeftInitialisingIsAViolation() =>
        Assert.Equal((Violations.LeftInitializing, "p"), Single(Clean() with { Initializing = ["p"] }));

    [Fact]
    public void TwoObjectsForOneNameAreAViolation()
    {
        StressObservations clean = Clean();
        var run = clean with { ByThread = [clean.ByThread[0], [.. clean.ByThread[1].Take(2), new("p", new object())]] };
        Assert.Equal((Violations.TwoObjects, "p"), Single(run, allowMore: true));
    }

    [Fact]
    public void AnObjectThatIsNotSysModulesEntryIsAViolation()
    {
        var run = Clean() with { FinalModules = new Dictionary<string, object?> { ["p"] = new object(), ["c.a"] = A } };
        Assert.Equal((Violations.NotTheSysModulesEntry, "p"), Single(run));
        run = Clean() with { FinalModules = new Dictionary<string, object?> { ["c.a"] = A } };
        Assert.Equal((Violations.NotTheSysModulesEntry, "p"), Single(run));
    }

    [Fact]
    public void AFailureNobodyRaisedOrADifferentMessageIsAViolation()
    {
        StressObservations clean = Clean();
        var otherMessage = clean with
        {
            ByThread = [clean.ByThread[0], [clean.ByThread[1][0], ImportObservation.Failed("p.bad", "ValueError", "another attempt's message"), clean.ByThread[1][2]]],
        };
        Assert.Equal((Violations.UnexpectedOutcome, "p.bad"), Single(otherMessage));
        var failedSuccess = clean with
        {
            ByThread = [[ImportObservation.Failed("p", "TimeoutError", "waited too long"), .. clean.ByThread[0].Skip(1)], clean.ByThread[1]],
        };
        Assert.Equal((Violations.UnexpectedOutcome, "p"), Single(failedSuccess));
        var succeededFailure = clean with
        {
            ByThread = [[clean.ByThread[0][0], new("p.bad", new object()), clean.ByThread[0][2]], clean.ByThread[1]],
            FinalModules = new Dictionary<string, object?>(clean.FinalModules) { ["p.bad"] = null },
        };
        Assert.Contains(InvariantChecker.Check(Fabricated(), succeededFailure), v => v.Kind == Violations.UnexpectedOutcome && v.Module == "p.bad");
    }

    [Fact]
    public void AFailedModuleLeftInSysModulesIsAViolation()
    {
        var run = Clean() with { FinalModules = new Dictionary<string, object?> { ["p"] = P, ["c.a"] = A, ["p.bad"] = new object() } };
        Assert.Equal((Violations.FailedModuleLeft, "p.bad"), Single(run));
    }

    [Theory]
    [InlineData("p", 2)]
    [InlineData("p", 0)]
    [InlineData("p.bad", 0)]
    [InlineData("c.a", 0)]
    public void ABodyRunTwiceOrNeverIsAViolation(string name, int executions)
    {
        var run = Clean() with { Executions = new Dictionary<string, int>(Clean().Executions) { [name] = executions } };
        Assert.Equal((Violations.Executions, name), Single(run));
    }

    [Fact]
    public void RetriesOfModulesThatMayFailAreNotViolations()
    {
        var run = Clean() with { Executions = new Dictionary<string, int> { ["p"] = 1, ["p.bad"] = 7, ["c.a"] = 3 } };
        Assert.Empty(InvariantChecker.Check(Fabricated(), run));
    }

    [Fact]
    public void PartialModulesInAnAcyclicUniverseAreAViolation()
    {
        Assert.Empty(InvariantChecker.Check(Fabricated(cycles: false), Clean() with { Partials = 0 }));
        Violation violation = Assert.Single(InvariantChecker.Check(Fabricated(cycles: false), Clean()));
        Assert.Equal(Violations.PartialWithoutCycle, violation.Kind);
    }

    private static (string Kind, string Module) Single(StressObservations run, bool allowMore = false)
    {
        IReadOnlyList<Violation> violations = InvariantChecker.Check(Fabricated(), run);
        Violation first = allowMore ? Assert.IsType<Violation>(violations.FirstOrDefault()) : Assert.Single(violations);
        return (first.Kind, first.Module);
    }
}

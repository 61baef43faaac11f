namespace ActorImport.Stress.Load;

/// <summary>
/// What a randomised-call load observed (<see cref="CallLoad"/>). Every count but the first
/// four is a violation and must be zero. Immutable.
/// </summary>
public sealed record CallLoadResult(
    long Calls,
    long Epochs,
    long Waits,
    long Partials,
    long DeadlockErrors,
    long HalfLoaded,
    long SpuriousNotFound,
    long WrongOutcomes,
    long UnboundOnParent,
    long DifferentObjects,
    long LeftInitialising,
    long FailedLeftInModules,
    TimeSpan Elapsed,
    IReadOnlyList<string> Examples)
{
    public long Violations => DeadlockErrors + HalfLoaded + SpuriousNotFound + WrongOutcomes + UnboundOnParent + DifferentObjects + LeftInitialising + FailedLeftInModules;

    public override string ToString() =>
        $"{Calls:N0} calls in {Epochs:N0} engines, {Elapsed.TotalSeconds:F1} s; waits {Waits:N0}, partial hand-overs {Partials:N0}; " +
        $"deadlock errors {DeadlockErrors}, half-loaded {HalfLoaded}, spurious ModuleNotFoundError {SpuriousNotFound}, wrong outcomes {WrongOutcomes}, " +
        $"unbound on parent {UnboundOnParent}, different objects {DifferentObjects}, left initialising {LeftInitialising}, failed left in sys.modules {FailedLeftInModules}" +
        (Examples.Count == 0 ? string.Empty : Environment.NewLine + string.Join(Environment.NewLine, Examples));
}

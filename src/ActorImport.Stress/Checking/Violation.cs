namespace ActorImport.Stress.Checking;

/// <summary>One broken invariant: its kind (<see cref="Violations"/>), the module concerned (empty for the whole run) and a one-line detail. Immutable.</summary>
public sealed record Violation(string Kind, string Module, string Detail)
{
    public override string ToString() => Module.Length == 0 ? $"[{Kind}] {Detail}" : $"[{Kind}] {Module}: {Detail}";
}

/// <summary>The kinds of <see cref="Violation"/>, one per invariant.</summary>
public static class Violations
{
    public const string Hang = "hang";
    public const string LeftInitializing = "left-initialising";
    public const string UnexpectedOutcome = "unexpected-outcome";
    public const string TwoObjects = "two-objects";
    public const string NotTheSysModulesEntry = "not-sys-modules-entry";
    public const string FailedModuleLeft = "failed-module-left";
    public const string Executions = "executions";
    public const string PartialWithoutCycle = "partial-without-cycle";
    public const string Differential = "differential";
    public const string Crash = "crash";
}

namespace ActorImport.Stress.Checking;

/// <summary>
/// Checks one run's observations against the invariants every coordination must keep:
/// <list type="bullet">
/// <item>no hang: every thread finished within the bounded wait;</item>
/// <item>nothing is left initialising;</item>
/// <item>every outcome is one the universe allows (a failure with the exact type and message
/// the generator wrote, or CPython's "partially initialized module" error where a cycle island
/// can be entered from the failing side): so every waiter of an attempt got that attempt's
/// exception, and no chain got an error nobody raised;</item>
/// <item>one object per name: every thread that imported a name got the same object, and it is
/// <c>sys.modules</c>' entry at the end;</item>
/// <item>failure cleanup: a module that always fails is not in <c>sys.modules</c>;</item>
/// <item>exactly-once execution: a module that always succeeds ran once; any other ran at
/// least once (each failed attempt runs again);</item>
/// <item>partial modules only where a cycle exists: none in an acyclic universe.</item>
/// </list>
/// Stateless; safe from any thread.
/// </summary>
public static class InvariantChecker
{
    public static IReadOnlyList<Violation> Check(Universe universe, StressObservations run)
    {
        var violations = new List<Violation>();
        foreach (HungThread hung in run.Hung)
        {
            violations.Add(new Violation(Violations.Hang, hung.Importing ?? string.Empty,
                $"thread {hung.Thread} still importing after {hung.Waited.TotalSeconds:0.#} s"));
        }
        foreach (string name in run.Initializing)
        {
            violations.Add(new Violation(Violations.LeftInitializing, name, "still marked initialising after every thread finished"));
        }
        var byName = run.ByThread
            .SelectMany((observations, thread) => observations.Select(o => (Thread: thread, Observation: o)))
            .ToLookup(x => x.Observation.Name, StringComparer.Ordinal);
        foreach (string name in universe.Modules)
        {
            CheckName(universe, run, name, byName[name].ToList(), violations);
        }
        if (!universe.Shape.HasCycles && run.Partials > 0)
        {
            violations.Add(new Violation(Violations.PartialWithoutCycle, string.Empty, $"{run.Partials} partial module(s) handed out in an acyclic universe"));
        }
        return violations;
    }

    private static void CheckName(Universe universe, StressObservations run, string name, List<(int Thread, ImportObservation Observation)> seen, List<Violation> violations)
    {
        ModuleExpectation expected = universe.Expectations[name];
        foreach (var wrong in seen.Where(s => !expected.Allows(s.Observation.ErrorType, s.Observation.ErrorMessage))
                     .GroupBy(s => s.Observation.Describe()))
        {
            violations.Add(new Violation(Violations.UnexpectedOutcome, name,
                $"thread(s) {string.Join(",", wrong.Select(w => w.Thread))} got {wrong.Key}; expected {expected.Describe()}"));
        }
        object?[] objects = [.. seen.Where(s => s.Observation.Ok).Select(s => s.Observation.Module).Distinct(ReferenceEqualityComparer.Instance)];
        if (objects.Length > 1)
        {
            violations.Add(new Violation(Violations.TwoObjects, name, $"{objects.Length} different objects returned to the threads"));
        }
        bool present = run.FinalModules.TryGetValue(name, out object? final);
        if (objects.Length > 0 && (!present || !objects.Any(o => ReferenceEquals(o, final))))
        {
            violations.Add(new Violation(Violations.NotTheSysModulesEntry, name,
                present ? "the object the threads got is not sys.modules' entry" : "imported, but not in sys.modules at the end"));
        }
        if (expected.AlwaysFails && present)
        {
            violations.Add(new Violation(Violations.FailedModuleLeft, name, "always fails, yet is in sys.modules at the end"));
        }
        if (universe.LedgerLists.ContainsKey(name) && seen.Count > 0)
        {
            int executions = run.Executions.GetValueOrDefault(name);
            if (expected.AlwaysSucceeds ? executions != 1 : executions < 1)
            {
                violations.Add(new Violation(Violations.Executions, name,
                    $"body ran {executions} time(s); expected {(expected.AlwaysSucceeds ? "exactly once" : "at least once")}"));
            }
        }
    }
}

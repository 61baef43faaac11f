namespace ActorImport.Stress;

/// <summary>
/// Marks the stress project (universe generator, schedules, invariant checker) that the issues
/// titled 5/6 and 6/6 fill; the project exists now so that the solution layout is final.
/// </summary>
internal static class StressPlaceholder
{
}

namespace ActorImport.Diagnostics;

/// <summary>Combinators over <see cref="IImportObserver"/>. Stateless.</summary>
public static class ImportObservers
{
    /// <summary>
    /// One observer that hands every event to each of <paramref name="observers"/> in order
    /// (nulls skipped); null when none is left, so that the engine keeps its no-observer path.
    /// </summary>
    public static IImportObserver? Combine(params IImportObserver?[] observers)
    {
        IImportObserver[] present = [.. observers.OfType<IImportObserver>()];
        return present.Length switch
        {
            0 => null,
            1 => present[0],
            _ => new Fanout(present),
        };
    }

    /// <summary>Immutable; as thread-safe as its members.</summary>
    private sealed class Fanout(IImportObserver[] observers) : IImportObserver
    {
        public void OnEvent(in ImportEvent e)
        {
            foreach (IImportObserver observer in observers)
            {
                observer.OnEvent(e);
            }
        }
    }
}

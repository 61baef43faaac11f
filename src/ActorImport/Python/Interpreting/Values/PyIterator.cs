namespace ActorImport.Python.Interpreting.Values;

/// <summary>
/// A generator expression, <c>map</c>, <c>zip</c>, <c>enumerate</c>… over known items: evaluated
/// eagerly into its items (import-time code consumes them at once). Always true, as an iterator
/// is. Immutable snapshot.
/// </summary>
public sealed class PyIterator(IReadOnlyList<object?> items)
{
    public IReadOnlyList<object?> Items { get; } = items;

    public override string ToString() => "<generator object>";
}

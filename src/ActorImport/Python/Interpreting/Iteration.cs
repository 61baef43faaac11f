using ActorImport.Python.Interpreting.Values;

namespace ActorImport.Python.Interpreting;

/// <summary>
/// <c>iter(value)</c> over the values whose items are known: tuples, lists, strings, dict keys,
/// sets, ranges and <c>globals()</c>. Returns a snapshot (a body that grows the list it loops over
/// sees the items it started with). Stateless; safe from any thread.
/// </summary>
internal static class Iteration
{
    /// <summary>Longest sequence the interpreter materialises (a bigger range stays opaque).</summary>
    public const long MaxItems = 1_000_000;

    /// <summary>The items of <paramref name="value"/>, or null when they are not known.</summary>
    public static IReadOnlyList<object?>? Items(object? value) => value switch
    {
        PyTuple t => t.Items,
        List<object?> l => l.ToArray(),
        string s => s.Select(c => (object?)c.ToString()).ToArray(),
        PyBytes b => b.Value.ToArray().Select(x => (object?)(long)x).ToArray(),
        Dictionary<object, object?> d => d.Keys.ToArray<object?>(),
        HashSet<object?> h => h.ToArray(),
        PyRange r when r.Count <= MaxItems => r.Items().ToArray(),
        GlobalsView g => g.Module.AttributeNames(),
        PyIterator i => i.Items,
        _ => null,
    };
}

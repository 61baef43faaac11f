namespace ActorImport.Python.Interpreting.Values;

/// <summary><c>range(start, stop, step)</c> with known bounds. Immutable; safe from any thread.</summary>
public sealed record PyRange(long Start, long Stop, long Step)
{
    /// <summary>The number of items (Python's <c>len(range)</c>).</summary>
    public long Count => Step > 0
        ? (Stop > Start ? ((Stop - Start - 1) / Step) + 1 : 0)
        : (Start > Stop ? ((Start - Stop - 1) / -Step) + 1 : 0);

    public IEnumerable<object?> Items()
    {
        for (long i = 0, v = Start; i < Count; i++, v += Step)
        {
            yield return v;
        }
    }

    public override string ToString() => Step == 1 ? $"range({Start}, {Stop})" : $"range({Start}, {Stop}, {Step})";
}

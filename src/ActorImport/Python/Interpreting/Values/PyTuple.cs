namespace ActorImport.Python.Interpreting.Values;

/// <summary>
/// A Python tuple of known values, with Python's structural equality and lexicographic order
/// (used for <c>sys.version_info &gt;= (3, 8)</c>). Immutable; safe from any thread.
/// </summary>
public class PyTuple : IEquatable<PyTuple>
{
    public PyTuple(IReadOnlyList<object?> items)
    {
        Items = items;
    }

    public static PyTuple Empty { get; } = new(Array.Empty<object?>());

    public IReadOnlyList<object?> Items { get; }

    public int Count => Items.Count;

    public object? this[int index] => Items[index];

    public bool Equals(PyTuple? other) =>
        other is not null && other.Count == Count && Items.Zip(other.Items).All(p => PyOperators.AreEqual(p.First, p.Second));

    public override bool Equals(object? obj) => obj is PyTuple t && Equals(t);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (object? item in Items)
        {
            hash.Add(item is null ? 0 : PyOperators.HashOf(item));
        }
        return hash.ToHashCode();
    }

    public override string ToString() => PyRepr.Of(this);
}

/// <summary><c>sys.version_info</c>: a 5-tuple with named fields. Immutable.</summary>
public sealed class VersionInfo : PyTuple
{
    public VersionInfo(Version version)
        : base([(long)version.Major, (long)version.Minor, (long)Math.Max(0, version.Build), "final", 0L])
    {
    }

    public object? GetField(string name) => name switch
    {
        "major" => Items[0],
        "minor" => Items[1],
        "micro" => Items[2],
        "releaselevel" => Items[3],
        "serial" => Items[4],
        _ => OpaqueValue.Instance,
    };
}

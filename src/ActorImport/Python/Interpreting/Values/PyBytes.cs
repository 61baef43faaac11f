namespace ActorImport.Python.Interpreting.Values;

/// <summary>A Python <c>bytes</c> literal with value equality. Immutable (the array is never exposed for writing).</summary>
public sealed class PyBytes : IEquatable<PyBytes>
{
    private readonly byte[] _value;

    public PyBytes(byte[] value)
    {
        _value = value;
    }

    public ReadOnlySpan<byte> Value => _value;

    public int Length => _value.Length;

    public bool Equals(PyBytes? other) => other is not null && _value.AsSpan().SequenceEqual(other._value);

    public override bool Equals(object? obj) => obj is PyBytes b && Equals(b);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_value);
        return hash.ToHashCode();
    }

    public override string ToString() => PyRepr.Of(this);
}

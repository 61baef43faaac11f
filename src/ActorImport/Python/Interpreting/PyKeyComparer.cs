using ActorImport.Python.Interpreting.Values;

namespace ActorImport.Python.Interpreting;

/// <summary>Python's key equality (1 == 1.0 == True) for dict and set displays. Stateless.</summary>
internal sealed class PyKeyComparer : IEqualityComparer<object?>
{
    public static PyKeyComparer Instance { get; } = new();

    public new bool Equals(object? x, object? y) => PyOperators.AreEqual(x, y);

    public int GetHashCode(object? obj) => obj is null ? 0 : PyOperators.HashOf(obj);
}

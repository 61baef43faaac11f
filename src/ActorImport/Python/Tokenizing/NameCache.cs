namespace ActorImport.Python.Tokenizing;

/// <summary>
/// Reuses the text of a short token seen before in the same source, so that the many repeats
/// of <c>self</c>, <c>return</c>, <c>0</c> or <c>''</c> allocate once: a small direct-mapped
/// table keyed by a hash of the characters, where a collision simply replaces the entry.
/// Not thread-safe: owned by one <see cref="TokenScanner"/>.
/// </summary>
internal sealed class NameCache
{
    private const int Size = 1024;   // a power of two
    private const int LongestCached = 32;

    private readonly string?[] _entries = new string?[Size];

    public string Get(ReadOnlySpan<char> name)
    {
        if (name.Length > LongestCached)
        {
            return name.ToString();
        }
        uint hash = 2166136261;
        foreach (char c in name)
        {
            hash = (hash ^ c) * 16777619;
        }
        ref string? entry = ref _entries[(hash ^ (hash >> 15)) & (Size - 1)];
        if (entry is not null && name.SequenceEqual(entry))
        {
            return entry;
        }
        return entry = name.ToString();
    }
}

namespace ActorImport.Configuration;

/// <summary>
/// Where a token or value came from: file, 1-based line and column. Thread-safety: immutable.
/// </summary>
internal readonly record struct HoconPosition(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}

namespace ActorImport.Stress;

/// <summary>The names a universe's features use, in one place so the generator and its readers agree. Stateless.</summary>
public static class UniverseNames
{
    /// <summary>Top-level names start with the prefix and the seed: <c>uni7_…</c>.</summary>
    public static string Stem(UniverseShape shape) => $"{shape.Prefix}{shape.Seed}";

    public static string Ledger(UniverseShape shape) => $"{Stem(shape)}_ledger";

    /// <summary>The ledger's list for the module at position <paramref name="index"/> of the universe.</summary>
    public static string LedgerList(int index) => $"k{index}";

    public static string NamespacePackage(UniverseShape shape) => $"{Stem(shape)}_ns";

    public static string CycleIsland(UniverseShape shape, int island) => $"{Stem(shape)}_cyc{island}";

    /// <summary>The second search-path entry (a namespace package's other portion); a hyphen keeps it from ever being a package itself.</summary>
    public const string SecondPortion = "second-portion";

    /// <summary>CPython's message for <c>from x import y</c> when <c>x</c> is partial and has no <c>y</c> yet.</summary>
    public static string PartiallyInitialized(string name, string module, string file) =>
        $"cannot import name '{name}' from partially initialized module '{module}' (most likely due to a circular import) ({file})";
}

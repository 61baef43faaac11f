namespace ActorImport.Cli;

/// <summary>The bundled sample tree (samples/default-tree): its entry module and path entries. Immutable.</summary>
internal static class DefaultTree
{
    public const string EntryModule = "shop";

    /// <summary>The tree's own entries: the root and the two portions of the <c>plugins</c> namespace package.</summary>
    public static IEnumerable<string> SearchPath(string treeRoot) =>
        [treeRoot, Path.Combine(treeRoot, "plugins_a"), Path.Combine(treeRoot, "plugins_b")];
}

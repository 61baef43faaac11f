using ActorImport.Stress;

namespace ActorImport.Cli.Bench;

/// <summary>
/// What <c>actorimport bench</c> imports on both sides: the entry points (each imported by every
/// thread) and the search path entries placed before the configured ones (for CPython: before
/// <c>sys.path</c>). A generated tree owns its temporary directory and deletes it on dispose.
/// Immutable apart from that directory.
/// </summary>
internal sealed class BenchWorkload : IDisposable
{
    /// <summary>
    /// The stdlib entry points of <c>bench --stdlib</c>: modules programs start with, each pulling
    /// in a different part of the library (text, CLI, logging, mail, typing, numbers, HTTP, async).
    /// </summary>
    public static readonly IReadOnlyList<string> StdlibEntryPoints =
        ["json", "argparse", "logging", "email.message", "typing", "decimal", "http.client", "asyncio"];

    private readonly string? _ownedDirectory;

    private BenchWorkload(string name, IReadOnlyList<string> entryPoints, IReadOnlyList<string> searchPath, string? ownedDirectory)
    {
        Name = name;
        EntryPoints = entryPoints;
        SearchPath = searchPath;
        _ownedDirectory = ownedDirectory;
    }

    /// <summary>default-tree, stdlib, generated or modules.</summary>
    public string Name { get; }

    public IReadOnlyList<string> EntryPoints { get; }

    public IReadOnlyList<string> SearchPath { get; }

    /// <summary>The bundled sample tree: entry module <c>shop</c>, its three path entries.</summary>
    public static BenchWorkload DefaultTree(string treeRoot) =>
        new("default-tree", [Cli.DefaultTree.EntryModule], [.. Cli.DefaultTree.SearchPath(treeRoot)], null);

    /// <summary>The host's standard library through <see cref="StdlibEntryPoints"/> (the configured search path finds them).</summary>
    public static BenchWorkload Stdlib() => new("stdlib", StdlibEntryPoints, [], null);

    /// <summary>Named modules on the given path entries.</summary>
    public static BenchWorkload Modules(IReadOnlyList<string> names, IReadOnlyList<string> path) =>
        new("modules", names, [.. path.Select(Path.GetFullPath)], null);

    /// <summary>The 2,000-module tree of the tree-import benchmark (<see cref="GeneratedTree"/>), written to a new temporary directory.</summary>
    public static BenchWorkload Generated()
    {
        string root = Directory.CreateTempSubdirectory("actorimport-bench-tree-").FullName;
        GeneratedTree.Write(root);
        return new("generated", GeneratedTree.EntryPoints(), [root], root);
    }

    public void Dispose()
    {
        if (_ownedDirectory is not null && Directory.Exists(_ownedDirectory))
        {
            Directory.Delete(_ownedDirectory, recursive: true);
        }
    }
}

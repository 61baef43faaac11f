using System.Text.RegularExpressions;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests;

/// <summary>
/// The library's folder structure, read from its source files: every file's namespace is its
/// folder, and the dependency graph between folders (a <c>using ActorImport.…</c> directive or
/// a fully qualified <c>ActorImport.…</c> name in one folder's file naming another folder) has
/// no cycle. A folder is a unit (<c>Model</c>, <c>Loading</c>, …) unless it holds no source
/// file of its own, like <c>Python</c>: then each of its sub-folders is one
/// (<c>Python/Parsing</c>, <c>Python/Caching</c>, …). Sub-folders of a unit belong to it.
/// </summary>
public sealed partial class FolderDependencyTests
{
    private static readonly string Library = Path.Combine(RepositoryPaths.Root(), "src", "ActorImport");

    [Fact]
    public void EveryNamespaceIsItsFolder()
    {
        var wrong = SourceFiles()
            .Select(f => (f.Relative, Declared: NamespaceOf(f.Text), Expected: ExpectedNamespace(f.Relative)))
            .Where(f => f.Declared != f.Expected)
            .Select(f => $"{f.Relative}: namespace {f.Declared}, folder says {f.Expected}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void FolderDependenciesHaveNoCycle()
    {
        Dictionary<string, SortedSet<string>> graph = Graph();
        Assert.Contains("Model", graph.Keys); // the reading found the folders at all
        Assert.Contains("Python/Parsing", graph.Keys);
        List<string>? cycle = FindCycle(graph);
        Assert.True(cycle is null, $"folder cycle: {string.Join(" -> ", cycle ?? [])}");
    }

    [Fact]
    public void ModelDependsOnNoOtherFolder()
    {
        // The protocol types are the bottom layer: everything may use them, they use nothing.
        Assert.Empty(Graph()["Model"]);
    }

    [Fact]
    public void TheCycleCheckFindsACycle()
    {
        var graph = new Dictionary<string, SortedSet<string>>
        {
            ["A"] = ["B"],
            ["B"] = ["C"],
            ["C"] = ["A"],
            ["D"] = ["A"],
        };
        Assert.Equal(["A", "B", "C", "A"], FindCycle(graph));
        graph["C"].Clear();
        Assert.Null(FindCycle(graph));
    }

    /// <summary>Unit → the units its files refer to (itself excluded).</summary>
    private static Dictionary<string, SortedSet<string>> Graph()
    {
        HashSet<string> units = SourceFiles().Select(f => UnitOf(FolderOf(f.Relative))).ToHashSet();
        var graph = units.ToDictionary(u => u, _ => new SortedSet<string>(StringComparer.Ordinal));
        foreach ((string relative, string text) in SourceFiles())
        {
            string from = UnitOf(FolderOf(relative));
            string code = Comments().Replace(text, string.Empty);
            IEnumerable<string> namespaces = UsingDirective().Matches(code).Select(m => m.Groups["ns"].Value)
                .Concat(QualifiedName().Matches(NamespaceLine().Replace(code, string.Empty)).Select(m => m.Groups["ns"].Value));
            foreach (string ns in namespaces)
            {
                if (UnitOfNamespace(ns, units) is string to && to != from)
                {
                    graph[from].Add(to);
                }
            }
        }
        return graph;
    }

    /// <summary>A cycle as a list of units (first repeated at the end), or null.</summary>
    private static List<string>? FindCycle(Dictionary<string, SortedSet<string>> graph)
    {
        var state = new Dictionary<string, int>(); // 1 = on the stack, 2 = done
        var stack = new List<string>();
        List<string>? Visit(string unit)
        {
            state[unit] = 1;
            stack.Add(unit);
            foreach (string next in graph.GetValueOrDefault(unit) ?? [])
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    return [.. stack.Skip(stack.IndexOf(next)), next];
                }
                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found)
                {
                    return found;
                }
            }
            stack.RemoveAt(stack.Count - 1);
            state[unit] = 2;
            return null;
        }
        foreach (string unit in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(unit) == 0 && Visit(unit) is { } cycle)
            {
                return cycle;
            }
        }
        return null;
    }

    private static IEnumerable<(string Relative, string Text)> SourceFiles() =>
        Directory.EnumerateFiles(Library, "*.cs", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Library, p).Replace('\\', '/'))
            .Where(r => !r.StartsWith("obj/", StringComparison.Ordinal) && !r.StartsWith("bin/", StringComparison.Ordinal))
            .Select(r => (r, File.ReadAllText(Path.Combine(Library, r))));

    /// <summary><c>Loading/Resources/X.cs</c> → <c>Loading/Resources</c>; a file at the root → ''.</summary>
    private static string FolderOf(string relative) => Path.GetDirectoryName(relative)!.Replace('\\', '/');

    private static string ExpectedNamespace(string relative) =>
        FolderOf(relative) is { Length: > 0 } folder ? "ActorImport." + folder.Replace('/', '.') : "ActorImport";

    private static string? NamespaceOf(string text) => NamespaceLine().Match(text) is { Success: true } m ? m.Groups["ns"].Value : null;

    /// <summary>The unit a folder belongs to: its first component, or two when the first holds no source file itself.</summary>
    private static string UnitOf(string folder)
    {
        string[] parts = folder.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return string.Empty;
        }
        bool group = parts.Length > 1 && !Directory.EnumerateFiles(Path.Combine(Library, parts[0]), "*.cs").Any();
        return group ? $"{parts[0]}/{parts[1]}" : parts[0];
    }

    /// <summary><c>ActorImport.Python.Caching</c> → <c>Python/Caching</c>; null for namespaces that are not library folders.</summary>
    private static string? UnitOfNamespace(string ns, HashSet<string> units)
    {
        if (!ns.StartsWith("ActorImport.", StringComparison.Ordinal))
        {
            return null;
        }
        string folder = ns["ActorImport.".Length..].Replace('.', '/');
        string unit = Directory.Exists(Path.Combine(Library, folder)) ? UnitOf(folder) : UnitOf(Path.GetDirectoryName(folder)!.Replace('\\', '/'));
        return units.Contains(unit) ? unit : null;
    }

    [GeneratedRegex(@"^\s*namespace\s+(?<ns>[\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?(?<ns>ActorImport(?:\.\w+)*)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    /// <summary><c>ActorImport.Loading.ImportUtil.X</c> in code: the namespace part is what names a folder.</summary>
    [GeneratedRegex(@"(?<![\w.])(?<ns>ActorImport(?:\.[A-Z]\w*)+)")]
    private static partial Regex QualifiedName();

    /// <summary>Line comments (doc comments included, whose crefs are not dependencies) and block comments.</summary>
    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();
}

using System.Globalization;

namespace ActorImport.Stress;

/// <summary>
/// The generated tree of the "tree import" benchmark (docs/benchmarks.md): <c>packages</c>
/// packages <c>tp0 … tpN</c> of <c>modulesPerPackage</c> modules each plus their <c>__init__</c>;
/// every <c>__init__</c> imports its modules (<c>from . import m0, m1, …</c>) and every module
/// imports a sibling (<c>import tpP.m(k+1)</c>), so cycles are included. Written as real
/// <c>.py</c> files CPython imports. The entry points are the packages. Stateless.
/// </summary>
public static class GeneratedTree
{
    /// <summary>The benchmark's shape: 100 packages × (19 modules + <c>__init__</c>) = 2,000 modules.</summary>
    public const int DefaultPackages = 100;

    /// <inheritdoc cref="DefaultPackages"/>
    public const int DefaultModulesPerPackage = 19;

    /// <summary>Writes the tree under <paramref name="root"/> (created if missing; existing files overwritten).</summary>
    public static void Write(string root, int packages = DefaultPackages, int modulesPerPackage = DefaultModulesPerPackage)
    {
        for (int p = 0; p < packages; p++)
        {
            string package = Path.Combine(root, string.Create(CultureInfo.InvariantCulture, $"tp{p}"));
            Directory.CreateDirectory(package);
            File.WriteAllText(Path.Combine(package, "__init__.py"), $"from . import {string.Join(", ", Enumerable.Range(0, modulesPerPackage).Select(m => string.Create(CultureInfo.InvariantCulture, $"m{m}")))}\n");
            for (int m = 0; m < modulesPerPackage; m++)
            {
                File.WriteAllText(Path.Combine(package, string.Create(CultureInfo.InvariantCulture, $"m{m}.py")),
                    string.Create(CultureInfo.InvariantCulture, $"import tp{p}.m{(m + 1) % modulesPerPackage}\nX = {m}\nNAMES = ['a', 'b']\ndef f(x):\n    return x\nclass C:\n    Y = 1\n"));
            }
        }
    }

    /// <summary>The entry points: every package, <c>tp0 … tp(N-1)</c>.</summary>
    public static IReadOnlyList<string> EntryPoints(int packages = DefaultPackages) =>
        [.. Enumerable.Range(0, packages).Select(p => string.Create(CultureInfo.InvariantCulture, $"tp{p}"))];
}

using System.Text;

namespace ActorImport.Stress;

/// <summary>
/// Writes a module universe as real <c>.py</c> files that CPython imports: packages of
/// submodules in a fixed order, where module k imports only modules before it (absolute,
/// from-, and relative forms), and every <see cref="UniverseShape.CycleEvery"/>-th module also
/// imports a later one after its own names are bound — a cycle both CPython and the engine
/// resolve with partial modules. Module k binds <c>V{k} = k</c>, so every from-import names a
/// value that exists by the time it runs (with cycles only forms that need no attribute of the
/// target are written: a target may then be partial). Stateless; safe from any thread.
/// </summary>
public static class UniverseGenerator
{
    /// <summary>Writes the universe of <paramref name="shape"/> below <paramref name="root"/> (which must not exist or be empty).</summary>
    public static Universe Write(UniverseShape shape, string root)
    {
        shape.Validate();
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            throw new IOException($"{root}: the universe's directory must be empty");
        }
        Directory.CreateDirectory(root);
        string[] names = ModuleNames(shape);
        var random = new Random(shape.Seed);
        for (int k = 0; k < names.Length; k++)
        {
            string path = FileOf(root, names[k], IsPackage(names[k]));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Body(shape, names, k, random), new UTF8Encoding(false));
        }
        string[] topLevel = names.Where(n => !n.Contains('.')).ToArray();
        return new Universe(root, names, topLevel);
    }

    /// <summary>The names in import order: each package's <c>__init__</c> first, then its submodules.</summary>
    public static string[] ModuleNames(UniverseShape shape)
    {
        var names = new string[shape.ModuleCount];
        int perPackage = shape.ModulesPerPackage + 1;
        for (int k = 0; k < names.Length; k++)
        {
            string package = $"{shape.Prefix}{shape.Seed}_{k / perPackage}";
            int position = k % perPackage;
            names[k] = position == 0 ? package : $"{package}.m{position}";
        }
        return names;
    }

    private static bool IsPackage(string name) => !name.Contains('.');

    private static string FileOf(string root, string name, bool isPackage)
    {
        string[] parts = name.Split('.');
        return isPackage
            ? Path.Combine(root, Path.Combine(parts), "__init__.py")
            : Path.Combine(root, Path.Combine(parts[..^1]), parts[^1] + ".py");
    }

    private static string Body(UniverseShape shape, string[] names, int k, Random random)
    {
        var body = new StringBuilder();
        body.Append($"\"\"\"{names[k]}: generated from seed {shape.Seed}.\"\"\"\n");
        int imports = Math.Min(k, shape.ImportsPerModule);
        for (int i = 0; i < imports; i++)
        {
            int j = random.Next(k);
            int form = random.Next(3);
            // With cycles, module j may be partial when this runs (before its V binding): only
            // the forms that need no attribute of j stay valid then.
            body.Append(ImportOf(names[k], names[j], j, shape.CycleEvery > 0 ? 0 : form)).Append('\n');
        }
        body.Append($"V{k} = {k}\n");
        body.Append($"def f{k}():\n    return V{k}\n");
        if (shape.CycleEvery > 0 && k % shape.CycleEvery == shape.CycleEvery - 1 && k + 1 < names.Length)
        {
            int later = k + 1 + random.Next(names.Length - k - 1);
            // After the cycle point: the later module may import this one back and find V{k}.
            body.Append($"import {names[later]}\n");
        }
        return body.ToString();
    }

    /// <summary>One import of module <paramref name="target"/> (index <paramref name="j"/>) from <paramref name="importer"/>, in one of three forms.</summary>
    private static string ImportOf(string importer, string target, int j, int form)
    {
        string importerPackage = IsPackage(importer) ? importer : importer[..importer.LastIndexOf('.')];
        bool targetIsSibling = !IsPackage(target) && target.StartsWith(importerPackage + ".", StringComparison.Ordinal);
        if (targetIsSibling && !IsPackage(importer))
        {
            string leaf = target[(target.LastIndexOf('.') + 1)..];
            return form == 0 ? $"from . import {leaf}" : $"from .{leaf} import V{j}";
        }
        return form switch
        {
            0 => $"import {target}",
            1 => $"from {target} import V{j}",
            _ => IsPackage(target) ? $"from {target} import f{j}" : $"from {target[..target.LastIndexOf('.')]} import {target[(target.LastIndexOf('.') + 1)..]}",
        };
    }
}

/// <summary>A written universe: its directory (the search-path entry) and its module names in generation order. Immutable.</summary>
public sealed record Universe(string Root, IReadOnlyList<string> Modules, IReadOnlyList<string> TopLevel);

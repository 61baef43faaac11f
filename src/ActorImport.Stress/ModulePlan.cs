using System.Text;

namespace ActorImport.Stress;

/// <summary>
/// One module of a universe being generated: its name, where its file goes (which search-path
/// entry, which relative path; none for a namespace package), its body as it is built, and what
/// importing it may give. Mutable while the generator builds it; used by one thread.
/// </summary>
internal sealed class ModulePlan(string name, bool isPackage, int portion = 0, bool hasFile = true)
{
    public string Name { get; } = name;

    public bool IsPackage { get; } = isPackage;

    /// <summary>Index of the search-path entry the file goes into.</summary>
    public int Portion { get; } = portion;

    public bool HasFile { get; } = hasFile;

    public StringBuilder Body { get; } = new();

    public ModuleExpectation Expectation { get; set; } = ModuleExpectation.Ok;

    /// <summary>The package a relative import in this body resolves against.</summary>
    public string Package => IsPackage ? Name : Parent(Name);

    /// <summary>The file below its search-path entry: <c>a/b/__init__.py</c> or <c>a/b.py</c>.</summary>
    public string RelativeFile
    {
        get
        {
            string[] parts = Name.Split('.');
            return IsPackage
                ? Path.Combine(Path.Combine(parts), "__init__.py")
                : Path.Combine(Path.Combine(parts[..^1]), parts[^1] + ".py");
        }
    }

    public ModulePlan Line(string line)
    {
        Body.Append(line).Append('\n');
        return this;
    }

    public static string Parent(string name) => name.Contains('.') ? name[..name.LastIndexOf('.')] : string.Empty;

    public static string Leaf(string name) => name[(name.LastIndexOf('.') + 1)..];
}

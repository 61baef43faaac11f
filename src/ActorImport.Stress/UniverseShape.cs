namespace ActorImport.Stress;

/// <summary>
/// What a generated module universe looks like: how many modules, how they are grouped into
/// packages, and how densely they import each other. Immutable.
/// </summary>
/// <param name="Seed">Every choice of the generator follows from it: one seed, one universe.</param>
/// <param name="ModuleCount">Modules in all, packages' <c>__init__</c> modules included.</param>
/// <param name="ModulesPerPackage">Submodules of one package before a new package starts.</param>
/// <param name="ImportsPerModule">Import statements per module body (at most; fewer early on).</param>
/// <param name="CycleEvery">
/// Every n-th module also imports a later module at the end of its body, after its own names
/// are bound, so the universe has cycles CPython resolves; 0 for an acyclic universe.
/// </param>
/// <param name="Prefix">First letters of every top-level package name, so universes do not collide with the stdlib.</param>
public sealed record UniverseShape(
    int Seed,
    int ModuleCount,
    int ModulesPerPackage = 10,
    int ImportsPerModule = 3,
    int CycleEvery = 0,
    string Prefix = "uni")
{
    /// <summary>Checks the shape's numbers, naming the one at fault.</summary>
    public void Validate()
    {
        if (ModuleCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ModuleCount), ModuleCount, "a universe needs at least one module");
        }
        if (ModulesPerPackage < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ModulesPerPackage), ModulesPerPackage, "a package holds at least one module");
        }
        if (ImportsPerModule < 0 || CycleEvery < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ImportsPerModule), "counts cannot be negative");
        }
        if (Prefix.Length == 0 || !Prefix.All(c => char.IsAsciiLetterLower(c)))
        {
            throw new ArgumentException($"prefix '{Prefix}' must be lower-case ASCII letters", nameof(Prefix));
        }
    }
}

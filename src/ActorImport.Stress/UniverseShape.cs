namespace ActorImport.Stress;

/// <summary>
/// What a generated module universe looks like: how many modules, how they are grouped into
/// packages, how densely they import each other, and which adversarial features it has. Every
/// feature is off by default (a plain universe of packages that imports cleanly in any order);
/// <see cref="Adversarial"/> switches them on for stress runs. Immutable.
/// </summary>
/// <param name="Seed">Every choice of the generator follows from it: one seed, one universe.</param>
/// <param name="ModuleCount">Core modules in all, packages' <c>__init__</c> modules included (feature modules come on top).</param>
/// <param name="ModulesPerPackage">Submodules of one package before a new package starts.</param>
/// <param name="ImportsPerModule">Import statements per module body (at most; fewer early on).</param>
/// <param name="CycleEvery">
/// Every n-th module also imports a later module at the end of its body, after its own names
/// are bound, so the universe has cycles CPython resolves; 0 for an acyclic core.
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
    /// <summary>
    /// A ledger module (<c>{prefix}{seed}_ledger</c>) with one list per generated module; every
    /// body appends its name to its own list first, so executions can be counted afterwards.
    /// </summary>
    public bool Ledger { get; init; }

    /// <summary>A namespace package (no <c>__init__</c>) whose portions lie in two search-path entries.</summary>
    public bool NamespacePackage { get; init; }

    /// <summary>
    /// Packages of two modules importing each other with <c>from x import y</c>: where <c>y</c>
    /// is bound before the cycle point (always imports), after it (CPython's "partially
    /// initialized module" ImportError when entered from the other side), or both ways (always fails).
    /// </summary>
    public int CycleIslands { get; init; }

    /// <summary>Every module binds <c>__all__</c>; some imports are <c>from x import *</c> (absolute and relative).</summary>
    public bool StarImports { get; init; }

    /// <summary>Some packages get a submodule whose body ends in <c>raise</c> (ImportError or ValueError).</summary>
    public bool Failures { get; init; }

    /// <summary>Some modules import a missing or failing module inside <c>try</c>/<c>except ImportError</c> (or ValueError) and bind a fallback.</summary>
    public bool Fallbacks { get; init; }

    /// <summary>Some modules hold PEP 810 <c>lazy import</c> statements (CPython 3.11 cannot parse these universes).</summary>
    public bool LazyImports { get; init; }

    /// <summary>Some modules call <c>time.sleep</c> with a literal of a few milliseconds.</summary>
    public bool Sleeps { get; init; }

    /// <summary>True when the universe has import cycles (core cycles or cycle islands).</summary>
    public bool HasCycles => CycleEvery > 0 || CycleIslands > 0;

    /// <summary>
    /// The stress runner's shape for <paramref name="seed"/>: every feature on (lazy imports only
    /// when asked), cycles on three seeds out of four (the fourth stays acyclic, so "partial
    /// modules only where a cycle exists" is checked too).
    /// </summary>
    public static UniverseShape Adversarial(int seed, int moduleCount, bool lazyImports = false)
    {
        bool cyclic = Math.Abs(seed % 4) != 3;
        return new UniverseShape(seed, moduleCount, ModulesPerPackage: 6, ImportsPerModule: 3, CycleEvery: cyclic ? 3 + Math.Abs(seed % 5) : 0)
        {
            Ledger = true,
            NamespacePackage = true,
            CycleIslands = cyclic ? 3 : 0,
            StarImports = true,
            Failures = true,
            Fallbacks = true,
            LazyImports = lazyImports,
            Sleeps = true,
        };
    }

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
        if (Seed < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Seed), Seed, "seeds are not negative (they name packages)");
        }
        if (ImportsPerModule < 0 || CycleEvery < 0 || CycleIslands < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ImportsPerModule), "counts cannot be negative");
        }
        if (Prefix.Length == 0 || !Prefix.All(c => char.IsAsciiLetterLower(c)))
        {
            throw new ArgumentException($"prefix '{Prefix}' must be lower-case ASCII letters", nameof(Prefix));
        }
    }
}

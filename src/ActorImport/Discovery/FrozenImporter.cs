using ActorImport.Loading;
using ActorImport.Model;

namespace ActorImport.Discovery;

/// <summary>
/// <c>loader_state</c> of a frozen module's spec (3.11's <c>SimpleNamespace(filename, origname)</c>):
/// the stdlib source the module was frozen from, which is what this engine executes.
/// </summary>
public sealed record FrozenLoaderState(string? Filename, string? OriginalName);

/// <summary>
/// <c>importlib.machinery.FrozenImporter</c> for CPython 3.11's frozen stdlib modules. Frozen
/// modules have origin <c>'frozen'</c> and no location; they are executed later from their
/// stdlib source, recorded in <see cref="FrozenLoaderState"/> as
/// <c>FrozenImporter._resolve_filename</c> computes it. Immutable after construction; safe from
/// any thread.
/// </summary>
public sealed class FrozenImporter : IMetaPathFinder, IInspectLoader, ILoaderKind, IThreadSafe
{
    public const string Origin = "frozen";

    private readonly IReadOnlyDictionary<string, FrozenModuleInfo> _table;
    private readonly string? _stdlibDirectory;
    private readonly IModuleBodyRunner? _runner;

    /// <param name="stdlibDirectory"><c>sys._stdlib_dir</c>; <c>null</c> leaves filenames unknown.</param>
    public FrozenImporter(string? stdlibDirectory, IReadOnlyDictionary<string, FrozenModuleInfo>? table = null, IModuleBodyRunner? runner = null)
    {
        _stdlibDirectory = stdlibDirectory;
        _table = table ?? FrozenModuleTable.Python311;
        _runner = runner;
    }

    /// <summary><c>_imp.is_frozen</c>.</summary>
    public bool IsFrozen(string name) => _table.ContainsKey(name);

    public ModuleSpec? FindSpec(string fullname, IReadOnlyList<string>? path, ModuleObject? target = null)
    {
        if (!_table.TryGetValue(fullname, out FrozenModuleInfo? info))
        {
            return null;
        }
        var spec = new ModuleSpec(fullname, this, Origin, isPackage: info.IsPackage);
        (string? filename, string? packageDirectory) = ResolveFilename(info.OriginalName, fullname, info.IsPackage);
        spec.LoaderState = new FrozenLoaderState(filename, info.OriginalName);
        if (packageDirectory is not null)
        {
            spec.SubmoduleSearchLocations!.Insert(0, packageDirectory);
        }
        return spec;
    }

    /// <summary>
    /// <c>FrozenImporter._resolve_filename(fullname, alias, ispkg)</c>: an alias is never a package
    /// directory; a <c>&lt;pkg</c> original name is that package's <c>__init__</c>.
    /// </summary>
    internal (string? Filename, string? PackageDirectory) ResolveFilename(string? originalName, string alias, bool isPackage)
    {
        if (string.IsNullOrEmpty(originalName) || string.IsNullOrEmpty(_stdlibDirectory))
        {
            return (null, null);
        }
        string name = originalName;
        if (name != alias)
        {
            if (name.StartsWith('<'))
            {
                name = name[1..];
                if (!isPackage)
                {
                    name += ".__init__";
                }
            }
            else
            {
                isPackage = false;
            }
        }
        string relative = name.Replace('.', '/');
        if (isPackage)
        {
            string packageDirectory = $"{_stdlibDirectory}/{relative}";
            return ($"{packageDirectory}/__init__.py", packageDirectory);
        }
        return ($"{_stdlibDirectory}/{relative}.py", null);
    }

    public LoaderKind Kind => LoaderKind.Frozen;

    public void InvalidateCaches()
    {
    }

    /// <summary>
    /// <c>FrozenImporter.create_module</c> (3.11): a new module whose <c>__file__</c> is the
    /// source file the loader state names, when the stdlib directory is known — frozen specs have
    /// no location, so <c>_init_module_attrs</c> would not set it.
    /// </summary>
    public ModuleObject? CreateModule(ModuleSpec spec)
    {
        var module = new ModuleObject(spec.Name);
        if (spec.LoaderState is FrozenLoaderState { Filename: { Length: > 0 } filename })
        {
            module.SetAttribute("__file__", filename);
        }
        return module;
    }

    public void ExecModule(ModuleObject module) => ModuleBodyRunners.Run(_runner, this, module);

    public bool IsPackage(string fullname) =>
        _table.TryGetValue(fullname, out FrozenModuleInfo? info)
            ? info.IsPackage
            : throw new ImportError($"No such frozen object named '{fullname}'", fullname);

    /// <summary>Frozen modules have no source (3.11 answers None).</summary>
    public string? GetSource(string fullname) => null;

    public override string ToString() => "<class '_frozen_importlib.FrozenImporter'>";
}

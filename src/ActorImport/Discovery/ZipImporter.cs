using System.Collections.Concurrent;
using System.Buffers.Binary;
using ActorImport.Loading;
using ActorImport.Model;

namespace ActorImport.Discovery;

/// <summary>
/// <c>zipimport.zipimporter</c>: the path-entry finder and loader for <c>.zip</c> archives, for
/// entries like <c>/x/a.zip</c> and <c>/x/a.zip/sub</c>. Inside an archive the search order is
/// 3.11's (<c>pkg/__init__.pyc</c>, <c>pkg/__init__.py</c>, <c>mod.pyc</c>, <c>mod.py</c>; a
/// <c>.pyc</c> is skipped when it is invalid or stale against the <c>.py</c> beside it). Specs
/// have origin <c>/x/a.zip/mod.py</c>; a directory member without <c>__init__</c> is a
/// namespace portion. Thread-safety: safe from any thread (the directory is an immutable
/// snapshot swapped atomically by <see cref="InvalidateCaches"/>).
/// </summary>
public sealed class ZipImporter : IPathEntryFinder, IPublishedPathEntryFinder, IExecutionLoader, IResourceLoader, IThreadSafe
{
    private static readonly (string Suffix, bool IsBytecode, bool IsPackage)[] SearchOrder =
    [
        ("/__init__.pyc", true, true),
        ("/__init__.py", false, true),
        (".pyc", true, false),
        (".py", false, false),
    ];

    private readonly ConcurrentDictionary<string, ZipDirectory> _directoryCache;
    private readonly IModuleBodyRunner? _runner;
    private readonly BytecodeCacheOptions _cacheOptions;
    private ZipDirectory? _files;

    /// <summary>
    /// <c>zipimporter(path)</c>: walks up <paramref name="path"/> until it names an existing
    /// file (the archive); the rest is the prefix inside it.
    /// </summary>
    public ZipImporter(string path, ConcurrentDictionary<string, ZipDirectory>? directoryCache = null, IModuleBodyRunner? runner = null, BytecodeCacheOptions? cacheOptions = null)
    {
        _cacheOptions = cacheOptions ?? BytecodeCacheOptions.CPython311;
        _directoryCache = directoryCache ?? new(StringComparer.Ordinal);
        _runner = runner;
        if (path.Length == 0)
        {
            throw new ZipImportError("archive path is empty", path: path);
        }
        var prefix = new List<string>();
        while (true)
        {
            if (File.Exists(path))
            {
                break; // an existing regular file: the archive
            }
            if (Directory.Exists(path))
            {
                throw new ZipImportError("not a Zip file", path: path);
            }
            int slash = path.LastIndexOf('/');
            string directory = slash < 0 ? string.Empty : path[..slash];
            if (directory == path)
            {
                throw new ZipImportError("not a Zip file", path: path);
            }
            prefix.Add(slash < 0 ? path : path[(slash + 1)..]);
            path = directory;
        }
        _files = _directoryCache.GetOrAdd(path, ZipDirectory.Read);
        Archive = path;
        prefix.Reverse();
        string joined = string.Join('/', prefix.Where(p => p.Length > 0).Select(p => p.TrimEnd('/')));
        Prefix = joined.Length > 0 ? joined + "/" : string.Empty;
    }

    /// <summary><c>zipimporter.archive</c>: the archive file.</summary>
    public string Archive { get; }

    /// <summary><c>zipimporter.prefix</c>: the subdirectory inside the archive, with a trailing separator (or empty).</summary>
    public string Prefix { get; }

    private IReadOnlyDictionary<string, ZipMember> Files => Volatile.Read(ref _files)?.Members ?? new Dictionary<string, ZipMember>();

    /// <summary>
    /// The <c>zipimporter</c> entry of <c>sys.path_hooks</c>, with a directory cache of its own
    /// (CPython's module-global <c>_zip_directory_cache</c>, here per engine).
    /// </summary>
    public static PathHook PathHook(IModuleBodyRunner? runner = null, BytecodeCacheOptions? cacheOptions = null) => new Hook(runner, cacheOptions).Invoke;

    private sealed class Hook(IModuleBodyRunner? runner, BytecodeCacheOptions? cacheOptions) : IThreadSafe, IPathHookPrecheck
    {
        /// <summary>An existing directory is never an archive (the constructor's first test).</summary>
        public bool Declines(string entry) => entry.Length == 0 || Directory.Exists(entry);

        private readonly ConcurrentDictionary<string, ZipDirectory> _cache = new(StringComparer.Ordinal);

        public IPathEntryFinder Invoke(string entry) => new ZipImporter(entry, _cache, runner, cacheOptions);
    }

    public ModuleSpec? FindSpec(string fullname, ModuleObject? target = null)
    {
        bool? isPackage = ModuleInfo(fullname);
        if (isPackage is bool package)
        {
            // spec_from_loader → spec_from_file_location(name, loader=self, ...): an ImportError
            // from get_filename leaves the location '<unknown>' (still "has a location").
            string origin;
            try
            {
                origin = GetFilename(fullname);
            }
            catch (ImportError)
            {
                origin = "<unknown>";
            }
            return new ModuleSpec(fullname, this, origin, cacheOptions: _cacheOptions)
            {
                HasLocation = true, // cached then follows from the origin (_get_cached), as CPython computes it
                SubmoduleSearchLocations = package ? new List<string> { PathText.DirectoryOf(origin) } : null,
            };
        }
        string modulePath = ModulePath(fullname);
        if (Files.ContainsKey(modulePath + "/"))
        {
            var spec = new ModuleSpec(fullname, null, isPackage: true);
            spec.SubmoduleSearchLocations!.Add($"{Archive}/{modulePath}");
            return spec;
        }
        return null;
    }

    /// <summary>The archive's directory is read when the importer is made: always current until invalidated.</summary>
    public bool HasListing => true;

    public bool TryFindSpecIfFresh(string fullname, out ModuleSpec? spec)
    {
        spec = FindSpec(fullname);
        return true;
    }

    /// <summary><c>zipimporter.invalidate_caches</c>: re-reads the archive's directory.</summary>
    public void InvalidateCaches()
    {
        try
        {
            ZipDirectory files = ZipDirectory.Read(Archive);
            _directoryCache[Archive] = files;
            Volatile.Write(ref _files, files);
        }
        catch (ZipImportError)
        {
            _directoryCache.TryRemove(Archive, out _);
            Volatile.Write(ref _files, null);
        }
    }

    public bool IsPackage(string fullname) =>
        ModuleInfo(fullname) ?? throw new ZipImportError($"can't find module {PythonRepr.Str(fullname)}", fullname);

    /// <summary>
    /// <c>zipimporter.get_filename</c>: the member that would be loaded — the first of the search
    /// order present whose bytecode (if it is bytecode) is valid and fresh.
    /// </summary>
    public string GetFilename(string fullname) => ModuleMember(fullname).Member.Path;

    public string? GetSource(string fullname)
    {
        if (ModuleInfo(fullname) is not bool package)
        {
            throw new ZipImportError($"can't find module {PythonRepr.Str(fullname)}", fullname);
        }
        string path = ModulePath(fullname) + (package ? "/__init__.py" : ".py");
        return Files.TryGetValue(path, out ZipMember? member) ? SourceDecoder.DecodeSource(_files!.ReadMember(member.Name)) : null;
    }

    /// <summary><c>zipimporter.get_data</c>: a member named by its full or archive-relative path.</summary>
    public byte[] GetData(string path)
    {
        string key = path.StartsWith(Archive + "/", StringComparison.Ordinal) ? path[(Archive.Length + 1)..] : path;
        if (!Files.TryGetValue(key, out ZipMember? member))
        {
            throw new FileNotFoundException($"[Errno 2] No such file or directory: '{key}'", key);
        }
        return _files!.ReadMember(member.Name);
    }

    public ModuleObject? CreateModule(ModuleSpec spec) => null;

    public void ExecModule(ModuleObject module) => ModuleBodyRunners.Run(_runner, this, module);

    /// <summary><c>_get_module_path</c>: prefix plus the last component of the name.</summary>
    private string ModulePath(string fullname) => Prefix + PathText.Tail(fullname);

    /// <summary><c>_get_module_info</c>: whether the name is a package, or <c>null</c> when absent.</summary>
    private bool? ModuleInfo(string fullname)
    {
        string path = ModulePath(fullname);
        foreach ((string suffix, _, bool isPackage) in SearchOrder)
        {
            if (Files.ContainsKey(path + suffix))
            {
                return isPackage;
            }
        }
        return null;
    }

    /// <summary><c>_get_module_code</c>'s choice of member (without compiling).</summary>
    private (ZipMember Member, bool IsPackage) ModuleMember(string fullname)
    {
        string path = ModulePath(fullname);
        ImportError? importError = null;
        foreach ((string suffix, bool isBytecode, bool isPackage) in SearchOrder)
        {
            if (!Files.TryGetValue(path + suffix, out ZipMember? member))
            {
                continue;
            }
            if (isBytecode)
            {
                try
                {
                    if (!BytecodeIsFresh(member, fullname))
                    {
                        continue;
                    }
                }
                catch (ImportError e)
                {
                    importError = e;
                    continue;
                }
            }
            return (member, isPackage);
        }
        if (importError is not null)
        {
            throw new ZipImportError($"module load failed: {importError.Message}", fullname, inner: importError);
        }
        throw new ZipImportError($"can't find module {PythonRepr.Str(fullname)}", fullname);
    }

    /// <summary>
    /// <c>_unmarshal_code</c>'s checks: the header is classified as <c>_classify_pyc</c> does;
    /// a timestamp pyc is stale when the <c>.py</c> beside it has another DOS time (±1 s) or size.
    /// </summary>
    private bool BytecodeIsFresh(ZipMember member, string fullname)
    {
        byte[] data = _files!.ReadMember(member.Name);
        uint flags = (uint)PycHeader.Classify(data, fullname, member.Path);
        if ((flags & 0b1) != 0)
        {
            return true; // hash-based: 3.11 only checks the hash when loading; finding accepts it.
        }
        if (!Files.TryGetValue(member.Name[..^1], out ZipMember? source))
        {
            return true;
        }
        uint mtime = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(8));
        uint size = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(12));
        return Math.Abs(mtime - source.DosTimeSeconds) <= 1 && size == (uint)source.Size;
    }

    /// <summary>CPython's repr: <c>&lt;zipimporter object "/x/a.zip/sub/"&gt;</c>.</summary>
    public override string ToString() => $"<zipimporter object \"{Archive}/{Prefix}\">";
}

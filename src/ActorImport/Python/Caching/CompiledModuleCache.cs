using ActorImport.Loading;
using ActorImport.Model;
using ActorImport.Python.Syntax;

namespace ActorImport.Python.Caching;

/// <summary>
/// The compiled-module cache: <c>SourceLoader.get_code</c> for this engine. Looks up
/// <c>__pycache__/&lt;name&gt;.&lt;tag&gt;.pyc</c>, validates its PEP 552 header exactly as CPython
/// does (<see cref="PycHeader"/>), and otherwise compiles the source and writes a new file
/// atomically (of the same kind as a rejected hash-based one, else
/// <see cref="BytecodeCacheOptions.InvalidationMode"/>). Every rejection of an existing file —
/// stale timestamp or size, bad magic, truncated header, bad flags, hash mismatch, a body this
/// format version cannot read — is swallowed and the file rewritten.
/// Thread-safety: stateless apart from immutable options; concurrent calls for the same file
/// are safe (each writes its own temporary file; the last rename wins with identical content).
/// </summary>
public sealed class CompiledModuleCache
{
    /// <param name="options">Default <see cref="BytecodeCacheOptions.ActorImport311"/>. A null cache tag
    /// (no caching, as CPython's <c>get_code</c> when <c>cache_from_source</c> raises
    /// <c>NotImplementedError</c>) is refused: run without a cache instead.</param>
    public CompiledModuleCache(BytecodeCacheOptions? options = null)
    {
        Options = options ?? BytecodeCacheOptions.ActorImport311;
        if (Options.CacheTag is null)
        {
            throw new ArgumentException("a compiled-module cache needs a cache tag; without one, run without a cache", nameof(options));
        }
    }

    public BytecodeCacheOptions Options { get; }

    /// <summary><c>cache_from_source</c> with this engine's tag, optimization level and prefix.</summary>
    public string CachePathFor(string sourcePath) => Options.CacheFromSource(sourcePath);

    /// <summary>
    /// The code of <paramref name="sourcePath"/> (module <paramref name="name"/>): from the cache
    /// when valid, else <paramref name="compile"/>(source bytes, path), then cached.
    /// </summary>
    public ModuleCode GetCode(string name, string sourcePath, Func<byte[], string, ModuleCode> compile, out CacheOutcome outcome)
    {
        string cachePath = CachePathFor(sourcePath);
        var info = new FileInfo(sourcePath);
        long mtime = new DateTimeOffset(info.LastWriteTimeUtc).ToUnixTimeSeconds();
        long size = info.Length;
        byte[]? sourceBytes = null;
        string? rejection = null;
        PycFlags? previousFlags = null;
        byte[]? data = TryRead(cachePath);
        bool emptyBody = false;
        if (data is not null)
        {
            try
            {
                PycFlags flags = PycHeader.Classify(data, name, cachePath, Options.RawMagicNumber);
                previousFlags = flags;
                if (flags.HasFlag(PycFlags.HashBased))
                {
                    bool checkSource = flags.HasFlag(PycFlags.CheckSource);
                    if (Options.CheckHashBasedPycs != CheckHashBasedPycs.Never && (checkSource || Options.CheckHashBasedPycs == CheckHashBasedPycs.Always))
                    {
                        sourceBytes = File.ReadAllBytes(sourcePath);
                        PycHeader.ValidateHash(data, ImportUtil.SourceHash(sourceBytes, Options.RawMagicNumber), name, cachePath);
                    }
                }
                else
                {
                    PycHeader.ValidateTimestamp(data, mtime, size, name, cachePath);
                }
                if (data.Length == PycHeader.Length)
                {
                    // A valid header and no body: CPython's marshal.loads fails and, the header
                    // having been accepted, the error propagates (it is no rejection).
                    emptyBody = true;
                    throw new InvalidDataException("empty body");
                }
                ModuleCode cached = ModuleCodeReader.Deserialize(data.AsMemory(PycHeader.Length));
                outcome = new CacheOutcome(cachePath, Hit: true, Rejection: null, Written: false);
                return cached;
            }
            catch (Exception e) when (PycHeader.IsRejection(e) || e is InvalidDataException)
            {
                rejection = e.Message;
            }
            if (emptyBody)
            {
                throw new PythonException("EOFError", "EOF read where object expected");
            }
        }
        sourceBytes ??= File.ReadAllBytes(sourcePath);
        ModuleCode code = compile(sourceBytes, sourcePath);
        bool written = Options.WriteBytecode && AtomicFile.TryWrite(cachePath, Build(code, sourceBytes, mtime, size, previousFlags));
        outcome = new CacheOutcome(cachePath, Hit: false, rejection, written);
        return code;
    }

    /// <summary>A whole cache file for <paramref name="code"/>: header (kind chosen as CPython's get_code does) and body.</summary>
    public byte[] Build(ModuleCode code, byte[] sourceBytes, long mtime, long size, PycFlags? previousFlags = null)
    {
        bool hashBased = previousFlags is PycFlags f ? f.HasFlag(PycFlags.HashBased) : Options.InvalidationMode != PycInvalidationMode.Timestamp;
        bool checkSource = previousFlags is PycFlags g ? g.HasFlag(PycFlags.CheckSource) : Options.InvalidationMode == PycInvalidationMode.CheckedHash;
        byte[] header = hashBased
            ? PycHeader.Hash(ImportUtil.SourceHash(sourceBytes, Options.RawMagicNumber), checkSource, Options.RawMagicNumber)
            : PycHeader.Timestamp(mtime, size, Options.RawMagicNumber);
        return [.. header, .. ModuleCodeWriter.Serialize(code)];
    }

    private static byte[]? TryRead(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

using System.Buffers.Binary;
using ActorImport.Model;

namespace ActorImport.Loading;

/// <summary>The flags word of a PEP 552 pyc header (bytes 4–7).</summary>
[Flags]
public enum PycFlags : uint
{
    /// <summary>Timestamp-based: bytes 8–15 are the source mtime and size.</summary>
    Timestamp = 0,

    /// <summary>Bit 0: hash-based; bytes 8–15 are <c>source_hash(source)</c>.</summary>
    HashBased = 0b01,

    /// <summary>Bit 1 (with bit 0): a checked hash pyc, validated against the source on import.</summary>
    CheckSource = 0b10,
}

/// <summary>
/// The 16-byte header of a <c>.pyc</c> file (PEP 552), as <c>_bootstrap_external</c> writes
/// (<c>_code_to_timestamp_pyc</c>, <c>_code_to_hash_pyc</c>) and validates it
/// (<c>_classify_pyc</c>, <c>_validate_timestamp_pyc</c>, <c>_validate_hash_pyc</c>).
/// All fields little-endian: magic (4), flags (4), then mtime (4) + source size (4) or the
/// 8-byte source hash. The errors carry CPython's exact texts; the ImportErrors carry
/// <c>name</c> and <c>path</c> (<c>exc_details</c>), the truncation error is an <c>EOFError</c>.
/// A source loader swallows all of them and recompiles (<see cref="IsRejection"/>); a sourceless
/// loader lets them propagate. Pure functions; safe from any thread.
/// </summary>
public static class PycHeader
{
    public const int Length = 16;

    /// <summary>The header of a timestamp pyc: <c>mtime &amp; 0xFFFFFFFF</c>, <c>size &amp; 0xFFFFFFFF</c>.</summary>
    public static byte[] Timestamp(long sourceMtime, long sourceSize, uint rawMagicNumber = PythonTarget.RawMagicNumber311)
    {
        byte[] header = Start(PycFlags.Timestamp, rawMagicNumber);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), unchecked((uint)sourceMtime));
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(12), unchecked((uint)sourceSize));
        return header;
    }

    /// <summary>The header of a hash pyc: flags 0b11 when <paramref name="checkSource"/>, else 0b01.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> sourceHash, bool checkSource, uint rawMagicNumber = PythonTarget.RawMagicNumber311)
    {
        if (sourceHash.Length != 8)
        {
            throw new ArgumentException("a source hash is 8 bytes", nameof(sourceHash));
        }
        byte[] header = Start(checkSource ? PycFlags.HashBased | PycFlags.CheckSource : PycFlags.HashBased, rawMagicNumber);
        sourceHash.CopyTo(header.AsSpan(8));
        return header;
    }

    /// <summary>
    /// <c>_classify_pyc(data, name, exc_details)</c>: checks the magic, then the length, then the
    /// flags, and returns the flags. Only the first 16 bytes of <paramref name="data"/> are read.
    /// </summary>
    /// <exception cref="ImportError"><c>bad magic number in 'name': b'…'</c> or <c>invalid flags N in 'name'</c>.</exception>
    /// <exception cref="PythonException"><c>EOFError</c>: <c>reached EOF while reading pyc header of 'name'</c>.</exception>
    public static PycFlags Classify(ReadOnlySpan<byte> data, string name, string? path = null, uint rawMagicNumber = PythonTarget.RawMagicNumber311)
    {
        ReadOnlySpan<byte> magic = data[..Math.Min(4, data.Length)];
        if (!magic.SequenceEqual(PythonTarget.MagicBytes(rawMagicNumber)))
        {
            throw new ImportError($"bad magic number in {PythonRepr.Str(name)}: {PythonRepr.Bytes(magic)}", name, path);
        }
        if (data.Length < Length)
        {
            throw new PythonException("EOFError", $"reached EOF while reading pyc header of {PythonRepr.Str(name)}");
        }
        uint flags = BinaryPrimitives.ReadUInt32LittleEndian(data[4..8]);
        if ((flags & ~0b11u) != 0)
        {
            throw new ImportError($"invalid flags {flags} in {PythonRepr.Str(name)}", name, path);
        }
        return (PycFlags)flags;
    }

    /// <summary>
    /// <c>_validate_timestamp_pyc</c>: the stored mtime, then (when <paramref name="sourceSize"/> is
    /// known) the stored size, must equal the source's, each taken modulo 2^32.
    /// </summary>
    /// <exception cref="ImportError"><c>bytecode is stale for 'name'</c>.</exception>
    public static void ValidateTimestamp(ReadOnlySpan<byte> data, long sourceMtime, long? sourceSize, string name, string? path = null)
    {
        if (BinaryPrimitives.ReadUInt32LittleEndian(data[8..12]) != unchecked((uint)sourceMtime))
        {
            throw new ImportError($"bytecode is stale for {PythonRepr.Str(name)}", name, path);
        }
        if (sourceSize is long size && BinaryPrimitives.ReadUInt32LittleEndian(data[12..16]) != unchecked((uint)size))
        {
            throw new ImportError($"bytecode is stale for {PythonRepr.Str(name)}", name, path);
        }
    }

    /// <summary><c>_validate_hash_pyc</c>: bytes 8–15 must equal <paramref name="sourceHash"/>.</summary>
    /// <exception cref="ImportError"><c>hash in bytecode doesn't match hash of source 'name'</c>.</exception>
    public static void ValidateHash(ReadOnlySpan<byte> data, ReadOnlySpan<byte> sourceHash, string name, string? path = null)
    {
        if (!data[8..16].SequenceEqual(sourceHash))
        {
            throw new ImportError($"hash in bytecode doesn't match hash of source {PythonRepr.Str(name)}", name, path);
        }
    }

    /// <summary>The stored mtime field of a timestamp pyc (bytes 8–11).</summary>
    public static uint ReadMtime(ReadOnlySpan<byte> data) => BinaryPrimitives.ReadUInt32LittleEndian(data[8..12]);

    /// <summary>The stored source-size field of a timestamp pyc (bytes 12–15).</summary>
    public static uint ReadSourceSize(ReadOnlySpan<byte> data) => BinaryPrimitives.ReadUInt32LittleEndian(data[12..16]);

    /// <summary>The stored source hash of a hash pyc (bytes 8–15).</summary>
    public static byte[] ReadSourceHash(ReadOnlySpan<byte> data) => data[8..16].ToArray();

    /// <summary>
    /// True for the errors <c>SourceLoader.get_code</c> swallows before recompiling: an
    /// <c>ImportError</c> or an <c>EOFError</c> from the header checks.
    /// </summary>
    public static bool IsRejection(Exception exception) =>
        exception is PythonException python && (python.IsInstanceOf("ImportError") || python.IsInstanceOf("EOFError"));

    private static byte[] Start(PycFlags flags, uint rawMagicNumber)
    {
        byte[] header = new byte[Length];
        BinaryPrimitives.WriteUInt32LittleEndian(header, rawMagicNumber);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)flags);
        return header;
    }
}

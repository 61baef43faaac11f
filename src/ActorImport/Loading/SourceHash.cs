using ActorImport.Model;

namespace ActorImport.Loading;

public static partial class ImportUtil
{
    /// <summary>
    /// <c>importlib.util.source_hash(source_bytes)</c>: <c>_imp.source_hash(_RAW_MAGIC_NUMBER, source)</c>,
    /// i.e. SipHash-1-3 keyed with k0 = the raw magic number (as uint64) and k1 = 0, returned as
    /// the 8 bytes of the hash in little-endian order. The key makes hashes version-specific.
    /// </summary>
    public static byte[] SourceHash(ReadOnlySpan<byte> source, uint rawMagicNumber = PythonTarget.RawMagicNumber311)
    {
        ulong hash = SipHash13.Hash(rawMagicNumber, 0, source);
        byte[] result = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(result, hash);
        return result;
    }
}

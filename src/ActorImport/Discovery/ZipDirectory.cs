using System.IO.Compression;
using ActorImport.Model;

namespace ActorImport.Discovery;

/// <summary>One member of a zip archive as <c>zipimport</c>'s table of contents records it.</summary>
/// <param name="Path">The member's full path: archive path, separator, member name.</param>
/// <param name="DosTimeSeconds">The DOS modification time as <c>time.mktime</c> reads it (local time).</param>
/// <param name="Size">The uncompressed size.</param>
public sealed record ZipMember(string Path, string Name, long DosTimeSeconds, long Size);

/// <summary>
/// <c>zipimport._read_directory</c>: the central directory of an archive, member name →
/// <see cref="ZipMember"/>. Immutable once read; safe from any thread.
/// </summary>
public sealed class ZipDirectory
{
    private ZipDirectory(string archive, IReadOnlyDictionary<string, ZipMember> members)
    {
        Archive = archive;
        Members = members;
    }

    public string Archive { get; }

    public IReadOnlyDictionary<string, ZipMember> Members { get; }

    /// <summary>Reads the archive's directory; a file that is not a zip is <c>ZipImportError</c>.</summary>
    public static ZipDirectory Read(string archive)
    {
        var members = new Dictionary<string, ZipMember>(StringComparer.Ordinal);
        try
        {
            using ZipArchive zip = ZipFile.OpenRead(archive);
            CheckLocalHeaderOffsets(archive);
            foreach (ZipArchiveEntry entry in zip.Entries)
            {
                string name = entry.FullName;
                long time = entry.LastWriteTime.ToUnixTimeSeconds();
                members[name] = new ZipMember(PathText.Join(archive, name), name, time, entry.Length);
            }
        }
        catch (InvalidDataException)
        {
            throw new ZipImportError($"not a Zip file: {PythonRepr.Str(archive)}", path: archive);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ZipImportError($"can't open Zip file: {PythonRepr.Str(archive)}", path: archive);
        }
        return new ZipDirectory(archive, members);
    }

    /// <summary>
    /// <c>_read_directory</c>'s check that .NET's reader leaves to the first read of a member: a
    /// central-directory record whose local header offset lies past the central directory makes
    /// the whole archive <c>bad local header offset</c> (the path hook fails, the entry is skipped).
    /// </summary>
    private static void CheckLocalHeaderOffsets(string archive)
    {
        using FileStream stream = File.OpenRead(archive);
        int tail = (int)Math.Min(stream.Length, 22 + 65535);
        byte[] end = new byte[tail];
        stream.Seek(-tail, SeekOrigin.End);
        stream.ReadExactly(end);
        int eocd = end.AsSpan().LastIndexOf("PK\x05\x06"u8);
        if (eocd < 0 || eocd + 22 > end.Length)
        {
            return;
        }
        uint directorySize = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(end.AsSpan(eocd + 12));
        uint directoryOffset = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(end.AsSpan(eocd + 16));
        long directoryStart = stream.Length - tail + eocd - directorySize;
        if (directoryStart < 0 || directorySize > 64 * 1024 * 1024)
        {
            return;
        }
        byte[] directory = new byte[directorySize];
        stream.Seek(directoryStart, SeekOrigin.Begin);
        stream.ReadExactly(directory);
        for (int at = 0; at + 46 <= directory.Length && directory.AsSpan(at).StartsWith("PK\x01\x02"u8);)
        {
            var record = directory.AsSpan(at);
            uint localHeader = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(record[42..]);
            if (localHeader > directoryOffset)
            {
                throw new ZipImportError($"bad local header offset: {PythonRepr.Str(archive)}", path: archive);
            }
            int variable = System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(record[28..])
                + System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(record[30..])
                + System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(record[32..]);
            at += 46 + variable;
        }
    }

    /// <summary>The bytes of one member (<c>zipimport._get_data</c>).</summary>
    public byte[] ReadMember(string name)
    {
        using ZipArchive zip = ZipFile.OpenRead(Archive);
        ZipArchiveEntry entry = zip.GetEntry(name) ?? throw new FileNotFoundException($"[Errno 2] No such file or directory: '{name}'");
        using Stream stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}

/// <summary><c>zipimport.ZipImportError</c> (a subclass of <c>ImportError</c>). Immutable.</summary>
public sealed class ZipImportError : ImportError
{
    public ZipImportError(string message, string? name = null, string? path = null, Exception? inner = null)
        : base("ZipImportError", message, name, path, inner)
    {
    }
}

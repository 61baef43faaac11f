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

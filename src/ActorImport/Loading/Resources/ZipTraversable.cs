using System.IO.Compression;
using ActorImport.Model;

namespace ActorImport.Loading.Resources;

/// <summary>
/// A <c>zipfile.Path(archive, at)</c>: what <c>ZipReader.files()</c> returns for a package inside
/// a zip archive. <c>at</c> is the member path inside the archive; directories end with <c>/</c>
/// (the archive root is <c>""</c>). Directories that only exist as prefixes of member names count,
/// as <c>zipfile.CompleteDirs</c> adds them. The member list is read once when the root is made;
/// contents are read on demand. Immutable; safe from any thread.
/// </summary>
public sealed class ZipTraversable : ITraversable
{
    private readonly string _archive;
    private readonly IReadOnlyList<string> _names;
    private readonly HashSet<string> _nameSet;

    /// <summary><c>zipfile.Path(archive, at)</c>.</summary>
    public ZipTraversable(string archive, string at = "")
        : this(archive, at, CompleteNames(archive))
    {
    }

    private ZipTraversable(string archive, string at, IReadOnlyList<string> names)
    {
        _archive = archive;
        At = at;
        _names = names;
        _nameSet = new HashSet<string>(names, StringComparer.Ordinal);
    }

    /// <summary>The member path inside the archive.</summary>
    public string At { get; }

    /// <summary>The archive file.</summary>
    public string Archive => _archive;

    public string Name
    {
        get
        {
            string trimmed = At.TrimEnd('/');
            return trimmed.Length == 0 ? System.IO.Path.GetFileName(_archive) : trimmed[(trimmed.LastIndexOf('/') + 1)..];
        }
    }

    /// <summary><c>joinpath(*other)</c>: <c>posixpath.join(at, *other)</c>, then <c>resolve_dir</c>.</summary>
    public ITraversable Joinpath(params string[] descendants)
    {
        string next = descendants.Aggregate(At, (current, part) =>
            part.StartsWith('/') ? part : current.Length == 0 || current.EndsWith('/') ? current + part : current + "/" + part);
        // resolve_dir: a name that is not a member but whose "name/" is, is the directory.
        if (!_nameSet.Contains(next) && _nameSet.Contains(next + "/"))
        {
            next += "/";
        }
        return new ZipTraversable(_archive, next, _names);
    }

    /// <summary><c>is_dir()</c>: the root, or any path ending in <c>/</c> (existing or not, as in CPython).</summary>
    public bool IsDir() => At.Length == 0 || At.EndsWith('/');

    public bool IsFile() => _nameSet.Contains(At) && !IsDir();

    public IEnumerable<ITraversable> Iterdir()
    {
        if (!IsDir())
        {
            throw new PythonException("ValueError", "Can't listdir a file");
        }
        string self = At.TrimEnd('/');
        return _names
            .Where(name => Dirname(name.TrimEnd('/')) == self)
            .Select(name => (ITraversable)new ZipTraversable(_archive, name, _names))
            .ToArray();
    }

    public byte[] ReadBytes()
    {
        if (IsDir())
        {
            throw new PythonException("IsADirectoryError", ToString());
        }
        if (!_nameSet.Contains(At))
        {
            throw new PythonException("FileNotFoundError", ToString());
        }
        using ZipArchive zip = ZipFile.OpenRead(_archive);
        ZipArchiveEntry entry = zip.GetEntry(At)
            ?? throw new PythonException("FileNotFoundError", ToString());
        using Stream stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public string ReadText(string encoding = "utf-8") => TextFile.Decode(ReadBytes(), encoding);

    /// <summary><c>str(path)</c>: <c>posixpath.join(archive, at)</c>.</summary>
    public override string ToString() => At.Length == 0 ? _archive : _archive.TrimEnd('/') + "/" + At;

    /// <summary>
    /// <c>CompleteDirs.namelist()</c>: the members, then every implied parent directory
    /// (<c>a/b/</c> for a member <c>a/b/c</c>) not already listed.
    /// </summary>
    private static IReadOnlyList<string> CompleteNames(string archive)
    {
        List<string> names;
        try
        {
            using ZipArchive zip = ZipFile.OpenRead(archive);
            names = zip.Entries.Select(e => e.FullName).ToList();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new PythonException("FileNotFoundError", $"[Errno 2] No such file or directory: {PythonRepr.Str(archive)}");
        }
        var known = new HashSet<string>(names, StringComparer.Ordinal);
        var implied = new List<string>();
        foreach (string name in names)
        {
            for (string parent = Dirname(name.TrimEnd('/')); parent.Length > 0; parent = Dirname(parent))
            {
                if (known.Add(parent + "/"))
                {
                    implied.Add(parent + "/");
                }
            }
        }
        return [.. names, .. implied];
    }

    private static string Dirname(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }
}

using ActorImport.Model;

namespace ActorImport.Loading.Resources;

/// <summary>
/// A <c>pathlib.Path</c> as a traversable: what <c>FileReader.files()</c> returns for a package in
/// a directory. Immutable; safe from any thread.
/// </summary>
public sealed class DirectoryTraversable(string path) : ITraversable
{
    /// <summary>The file-system path.</summary>
    public string FullPath { get; } = path;

    public string Name => System.IO.Path.GetFileName(FullPath.TrimEnd('/'));

    public ITraversable Joinpath(params string[] descendants) =>
        new DirectoryTraversable(descendants.Aggregate(FullPath, (current, part) => part.StartsWith('/') ? part : current.TrimEnd('/') + "/" + part));

    public bool IsDir() => Directory.Exists(FullPath);

    public bool IsFile() => File.Exists(FullPath);

    public IEnumerable<ITraversable> Iterdir()
    {
        if (File.Exists(FullPath))
        {
            throw new PythonException("NotADirectoryError", $"[Errno 20] Not a directory: {PythonRepr.Str(FullPath)}");
        }
        if (!Directory.Exists(FullPath))
        {
            throw NotFound();
        }
        return Directory.EnumerateFileSystemEntries(FullPath).Select(entry => (ITraversable)new DirectoryTraversable(entry)).ToArray();
    }

    public byte[] ReadBytes()
    {
        if (Directory.Exists(FullPath))
        {
            throw new PythonException("IsADirectoryError", $"[Errno 21] Is a directory: {PythonRepr.Str(FullPath)}");
        }
        try
        {
            return File.ReadAllBytes(FullPath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw NotFound();
        }
    }

    public string ReadText(string encoding = "utf-8") => TextFile.Decode(ReadBytes(), encoding);

    /// <summary><c>str(path)</c>.</summary>
    public override string ToString() => FullPath;

    private PythonException NotFound() =>
        new("FileNotFoundError", $"[Errno 2] No such file or directory: {PythonRepr.Str(FullPath)}");
}

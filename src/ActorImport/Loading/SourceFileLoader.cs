using ActorImport.Model;

namespace ActorImport.Loading;

/// <summary>
/// <c>importlib.machinery.SourceFileLoader</c> (finding side): a <c>.py</c> file. Its body is
/// executed by the engine's <see cref="IModuleBodyRunner"/>. Immutable; safe from any thread.
/// </summary>
public sealed class SourceFileLoader : FileLoader, ISourceLoader
{
    public SourceFileLoader(string fullname, string path, IModuleBodyRunner? runner = null)
        : base(fullname, path, runner)
    {
    }

    public override string PythonClassName => "SourceFileLoader";

    /// <summary><c>SourceLoader.get_source</c>: the file decoded as PEP 263 prescribes.</summary>
    public override string? GetSource(string fullname)
    {
        string path = GetFilename(fullname);
        byte[] bytes;
        try
        {
            bytes = GetData(path);
        }
        catch (IOException e)
        {
            throw new ImportError("source not available through get_data()", fullname, inner: e);
        }
        return SourceDecoder.DecodeSource(bytes);
    }

    public (double Mtime, long Size) PathStats(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"[Errno 2] No such file or directory: '{path}'", path);
        }
        return ((info.LastWriteTimeUtc - DateTime.UnixEpoch).Ticks / 1e7, info.Length);
    }

    /// <summary>
    /// <c>SourceFileLoader.set_data</c>: written atomically (a temporary file, then a rename) so
    /// a concurrent reader never sees half a file.
    /// </summary>
    public void SetData(string path, byte[] data)
    {
        string directory = System.IO.Path.GetDirectoryName(path) ?? ".";
        Directory.CreateDirectory(directory);
        string temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, data);
        File.Move(temporary, path, overwrite: true);
    }
}

using System.IO.Compression;

namespace ActorImport.Tests.Discovery;

/// <summary>A temporary directory tree for one test, deleted on dispose. Not shared between tests.</summary>
public sealed class TempLayout : IDisposable
{
    public TempLayout()
    {
        Root = Path.Combine(Path.GetTempPath(), "actorimport-discovery-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string this[string relative] => Path.Combine(Root, relative);

    /// <summary>Creates <paramref name="relative"/> (and its directories) with <paramref name="text"/>.</summary>
    public string File(string relative, string text = "")
    {
        string path = this[relative];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public string Dir(string relative)
    {
        string path = this[relative];
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>
    /// Writes a zip archive whose members are <paramref name="members"/> (names ending in
    /// <c>/</c> are directory entries).
    /// </summary>
    public string Zip(string relative, params string[] members)
    {
        string path = this[relative];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using ZipArchive zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (string member in members)
        {
            ZipArchiveEntry entry = zip.CreateEntry(member);
            if (!member.EndsWith('/'))
            {
                using var writer = new StreamWriter(entry.Open());
                writer.Write($"# {member}\n");
            }
        }
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

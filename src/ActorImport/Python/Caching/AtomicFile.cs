namespace ActorImport.Python.Caching;

/// <summary>
/// <c>_bootstrap_external._write_atomic</c>: writes a temporary file in the same directory
/// (opened with CreateNew, CPython's O_EXCL) and renames it over the target, so readers see
/// either the old file or the whole new one. Stateless; safe from any thread (each writer has
/// its own temporary name).
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="data"/> to <paramref name="path"/>; false (and no partial file) when it could not.</summary>
    public static bool TryWrite(string path, ReadOnlySpan<byte> data)
    {
        string? directory = Path.GetDirectoryName(path);
        string temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(data);
            }
            File.Move(temp, path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Nothing more to do: a stray temporary file is harmless.
            }
            return false;
        }
    }
}

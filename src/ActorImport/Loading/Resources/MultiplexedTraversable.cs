using ActorImport.Model;

namespace ActorImport.Loading.Resources;

/// <summary>
/// <c>importlib.resources.readers.MultiplexedPath</c>: a namespace package's directories merged
/// into one directory view (children unique by name, the first directory winning). Immutable;
/// safe from any thread.
/// </summary>
public sealed class MultiplexedTraversable : ITraversable
{
    private readonly DirectoryTraversable[] _paths;

    /// <exception cref="PythonException"><c>FileNotFoundError</c> without paths, <c>NotADirectoryError</c> when one is not a directory.</exception>
    public MultiplexedTraversable(IEnumerable<string> paths)
    {
        _paths = paths.Distinct(StringComparer.Ordinal).Select(p => new DirectoryTraversable(p)).ToArray();
        if (_paths.Length == 0)
        {
            throw new PythonException("FileNotFoundError", "MultiplexedPath must contain at least one path");
        }
        if (!_paths.All(p => p.IsDir()))
        {
            throw new PythonException("NotADirectoryError", "MultiplexedPath only supports directories");
        }
    }

    public string Name => _paths[0].Name;

    /// <summary><c>joinpath(child)</c>: the first child of that name in any directory, else under the first directory.</summary>
    public ITraversable Joinpath(params string[] descendants)
    {
        if (descendants.Length == 0)
        {
            return this;
        }
        ITraversable first = Iterdir().FirstOrDefault(file => file.Name == descendants[0]) ?? _paths[0].Joinpath(descendants[0]);
        return descendants.Length == 1 ? first : first.Joinpath(descendants[1..]);
    }

    public bool IsDir() => true;

    public bool IsFile() => false;

    public IEnumerable<ITraversable> Iterdir()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return _paths.SelectMany(path => path.Iterdir()).Where(file => seen.Add(file.Name)).ToArray();
    }

    public byte[] ReadBytes() => throw new PythonException("FileNotFoundError", $"{this} is not a file");

    public string ReadText(string encoding = "utf-8") => throw new PythonException("FileNotFoundError", $"{this} is not a file");

    /// <summary><c>repr()</c>: <c>MultiplexedPath('/a/ns', '/b/ns')</c>.</summary>
    public override string ToString() => $"MultiplexedPath({string.Join(", ", _paths.Select(p => $"'{p.FullPath}'"))})";
}

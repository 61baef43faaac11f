namespace ActorImport.Loading.Resources;

/// <summary>
/// <c>importlib.resources.abc.Traversable</c>: a file or directory inside a package, wherever the
/// package lives (a directory, a zip archive, several directories). Implementations are
/// immutable views; every member may be called from any thread (each read goes to storage anew).
/// Errors carry CPython's types (<c>FileNotFoundError</c>, <c>IsADirectoryError</c>…).
/// </summary>
public interface ITraversable
{
    /// <summary><c>name</c>: the last path component.</summary>
    string Name { get; }

    /// <summary><c>joinpath(*descendants)</c> (also <c>/</c>): a traversable for the descendant, existing or not.</summary>
    ITraversable Joinpath(params string[] descendants);

    /// <summary><c>is_dir()</c>.</summary>
    bool IsDir();

    /// <summary><c>is_file()</c>.</summary>
    bool IsFile();

    /// <summary><c>iterdir()</c>: the children of a directory.</summary>
    IEnumerable<ITraversable> Iterdir();

    /// <summary><c>read_bytes()</c>.</summary>
    byte[] ReadBytes();

    /// <summary>
    /// <c>read_text(encoding)</c>: decoded strictly, with universal newlines (<c>\r\n</c> and
    /// <c>\r</c> become <c>\n</c>), as a text-mode <c>open()</c> reads a whole file.
    /// </summary>
    string ReadText(string encoding = "utf-8");
}

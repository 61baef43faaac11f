using ActorImport.Tests.Engine;

namespace ActorImport.Tests.Cli;

/// <summary>
/// The tree the <c>run</c> tests execute, in python3 and in the engine alike: <c>show.py</c>
/// (and copies as <c>pkg/__main__.py</c>, <c>pkg/mod.py</c>, <c>pkg/sub/deep.py</c>) prints under
/// python3 the same JSON as <c>actorimport run --json</c>; <c>nomain</c> is a package without
/// <c>__main__</c>; <c>bad.py</c>, <c>deep.py</c>, <c>impbad.py</c>, <c>imp.py</c>, <c>myerr.py</c> (a class of its
/// own) and <c>impmyerr.py</c> fail in their bodies, <c>exit3.py</c> raises <c>SystemExit(3)</c>; <c>links/s.py</c> links to <c>show.py</c> and <c>linkdir/p</c> to <c>pkg</c>.
/// One instance per test class (or test); deleted on dispose.
/// </summary>
public sealed class MainTree : IDisposable
{
    /// <summary>Prints, under python3, what <c>actorimport run --json</c> prints.</summary>
    public const string Show = """
        import sys, json
        s = __spec__
        print(json.dumps({"main": {"__name__": __name__, "__file__": globals().get("__file__"), "__package__": __package__,
            "__spec__": None if s is None else {"name": s.name, "origin": s.origin, "parent": s.parent}}, "sys_path_0": sys.path[0]}))
        """;

    private readonly bool _owned;

    public MainTree()
        : this(new TempTree(), owned: true)
    {
    }

    private MainTree(TempTree tree, bool owned)
    {
        _owned = owned;
        Tree = tree;
        Tree.Write("show.py", Show)
            .Write("pkg/__init__.py")
            .Write("pkg/__main__.py", Show)
            .Write("pkg/mod.py", Show)
            .Write("pkg/sub/__init__.py")
            .Write("pkg/sub/deep.py", Show)
            .Write("nomain/__init__.py")
            .Write("bad.py", "raise ValueError('boom')\n")
            .Write("deep.py", "def f():\n    raise KeyError('k')\n\nf()\n")
            .Write("impbad.py", "x = 1\nimport bad\n")
            .Write("imp.py", "import not_there_at_all\n")
            .Write("myerr.py", "class MyError(Exception):\n    pass\n\nraise MyError('mine')\n")
            .Write("impmyerr.py", "import myerr\n")
            .Write("exit3.py", "raise SystemExit(3)\n")
            .Write("plain.py", "x = 1\n");
        Directory.CreateDirectory(Tree["links"]);
        Directory.CreateDirectory(Tree["linkdir"]);
        File.CreateSymbolicLink(Tree["links/s.py"], "../show.py");
        Directory.CreateSymbolicLink(Tree["linkdir/p"], Tree["pkg"]);
    }

    /// <summary>The files written into <paramref name="tree"/>, which the caller keeps and deletes.</summary>
    public static MainTree In(TempTree tree) => new(tree, owned: false);

    public TempTree Tree { get; }

    public string Root => Tree.Root;

    public void Dispose()
    {
        if (_owned)
        {
            Tree.Dispose();
        }
    }
}

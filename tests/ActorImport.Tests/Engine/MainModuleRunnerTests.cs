using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Model;
using ActorImport.Python.Interpreting;
using ActorImport.Tests.Cli;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Engine;

/// <summary>
/// <see cref="MainModuleRunner"/> in process: python3 runs the same tree from the same directory
/// at test time (<c>python3 -E -S FILE</c> / <c>-m MODULE</c>) and its answers are compared with
/// the engine's — runpy's error texts and exit codes, the traceback frames of a failing body,
/// the modules a <c>-m</c> run leaves in <c>sys.modules</c>, <c>os.path.realpath</c>. What
/// python3 cannot be asked about (the engine's own objects) is asserted directly.
/// </summary>
public sealed class MainModuleRunnerTests : EngineTestBase
{
    private readonly MainTree _main;

    public MainModuleRunnerTests()
    {
        _main = MainTree.In(Tree);
    }

    protected override CoordinationMode Mode => CoordinationMode.Actors;

    /// <summary>An engine on the standard library (for <c>-m json</c>, <c>-m sys</c>); sys.path[0] is the runner's to insert.</summary>
    private ImportEngine StdlibEngine() =>
        NewEngine(o => o with { SearchPath = [PythonOracle.Stdlib, Path.Combine(PythonOracle.Stdlib, "lib-dynload")], StdlibDirectory = PythonOracle.Stdlib });

    private static ModuleObject Run(ImportEngine engine, string root, string[] args) =>
        args[0] == "-m" ? MainModuleRunner.RunModuleAsMain(engine, args[1], root) : MainModuleRunner.RunFileAsMain(engine, args[0], root);

    [PythonTheory]
    [InlineData("-m", "nosuch")]
    [InlineData("-m", "pkg.nosuch")]
    [InlineData("-m", "nosuch.x")]
    [InlineData("-m", "nomain")]
    [InlineData("-m", "show.x")]
    [InlineData("-m", ".relative")]
    [InlineData("-m", "sys")]
    [InlineData("-m", "json")]
    [InlineData("-m", "json.py")]
    [InlineData("-m", "pkg.sub.__main__")]
    [InlineData("nosuch.py")]
    [InlineData("nomain")]
    [InlineData("sub/../missing.py")]
    public void RunpysErrorsHaveCPythonsTextAndExitCode(params string[] args)
    {
        var python = PythonCommand.Run(_main.Root, ["-E", "-S", .. args]);
        var error = Assert.Throws<MainModuleError>(() => Run(StdlibEngine(), _main.Root, args));
        Assert.Equal(PythonCommand.Message(python.Stderr), error.Message);
        Assert.Equal(python.ExitCode, error.ExitCode);
    }

    [PythonTheory]
    [InlineData("deep.py")]
    [InlineData("impbad.py")]
    [InlineData("imp.py")]
    [InlineData("-m", "bad")]
    [InlineData("myerr.py")]
    [InlineData("impmyerr.py")]
    public void AFailingBodyGivesCPythonsTracebackFramesAndLastLine(params string[] args)
    {
        var python = PythonCommand.Run(_main.Root, ["-E", "-S", .. args]);
        var engine = StdlibEngine();
        var error = Assert.ThrowsAny<PythonException>(() => Run(engine, _main.Root, args));
        string printed = TracebackText.Format(error, engine.Interpreter.Frames.TracebackOf(error));
        Assert.Equal(PythonCommand.FileLines(python.Stderr), PythonCommand.FileLines(printed));
        Assert.Equal(PythonCommand.Message(python.Stderr), TracebackText.FinalLine(error));
        Assert.Equal(1, python.ExitCode);
    }

    [PythonFact]
    public void DashMImportsTheParentsButStoresTheModuleOnlyAsMain()
    {
        // python3 reports what -m left in sys.modules from the body it runs.
        _main.Tree.Write("pkg/sub/report.py", "import sys, json\nprint(json.dumps(sorted(k for k in sys.modules if k.split('.')[0] in ('pkg', '__main__'))))\n");
        var python = PythonCommand.Run(_main.Root, "-E", "-S", "-m", "pkg.sub.report");
        string[] expected = System.Text.Json.JsonSerializer.Deserialize<string[]>(python.Stdout)!;
        var engine = StdlibEngine();
        ModuleObject main = MainModuleRunner.RunModuleAsMain(engine, "pkg.sub.report", _main.Root);
        string[] actual = [.. engine.Modules.Keys.Where(k => k.Split('.')[0] is "pkg" or "__main__").Order(StringComparer.Ordinal)];
        Assert.Equal(expected, actual);
        Assert.Same(engine.Modules["__main__"], main);
        Assert.Equal("pkg.sub.report", Assert.IsType<ModuleSpec>(main.GetAttributeOrDefault("__spec__")).Name);
        Assert.Empty(engine.Modules.Initializing());
    }

    [Fact]
    public void AFileRunsInTheStartupMainModuleAndImportsFromItsDirectory()
    {
        _main.Tree.Write("app/main.py", "import helper\nif __name__ == '__main__':\n    import only_as_main\n")
            .Write("app/helper.py")
            .Write("app/only_as_main.py");
        var engine = NewEngine(o => o with { SearchPath = [] });
        object? startup = engine.Modules["__main__"];
        ModuleObject main = MainModuleRunner.RunFileAsMain(engine, "app/main.py", _main.Root);
        Assert.Same(startup, main);
        Assert.Equal(_main.Tree["app"], engine.Path.Snapshot()[0]);
        Assert.True(engine.Modules.ContainsKey("helper"));
        Assert.True(engine.Modules.ContainsKey("only_as_main"));
        Assert.False(engine.Modules.ContainsKey("main"));
    }

    [PythonFact]
    public void RealPathIsOsPathRealpath()
    {
        TempTree tree = _main.Tree;
        tree.Write("real/dir/file.py");
        Directory.CreateDirectory(tree["maze"]);
        Directory.CreateSymbolicLink(tree["maze/rel"], "../real/dir");           // relative target
        Directory.CreateSymbolicLink(tree["maze/abs"], tree["real"]);            // absolute target
        File.CreateSymbolicLink(tree["maze/chain"], "rel/file.py");             // a link to a path through a link
        File.CreateSymbolicLink(tree["maze/loop1"], "loop2");
        File.CreateSymbolicLink(tree["maze/loop2"], "loop1");
        string[] paths =
        [
            "maze/rel/file.py", "maze/abs/dir/file.py", "maze/chain", "maze/rel/../dir/file.py",
            "maze/./abs//dir/", "maze/loop1", "maze/missing/../x", "maze/rel/missing/more", "/", ".",
        ];
        var expected = PythonOracle.RunJson("import os, sys, json\nprint(json.dumps([os.path.realpath(p) for p in sys.argv[1:]]))", paths, flags: "-E -S", workingDirectory: tree.Root);
        for (int i = 0; i < paths.Length; i++)
        {
            Assert.Equal(expected[i].GetString(), PosixRealPath.Resolve(paths[i], tree.Root));
        }
    }
}

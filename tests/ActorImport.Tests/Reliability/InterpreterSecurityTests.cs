using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Loading;
using ActorImport.Model;
using ActorImport.Python.Interpreting;
using ActorImport.Python.Interpreting.Values;
using ActorImport.Tests.Conformance;
using ActorImport.Tests.Engine;

namespace ActorImport.Tests.Reliability;

/// <summary>
/// The interpreter evaluates nothing beyond what docs/interpreter.md lists: module bodies that
/// try to run code built at run time (<c>eval</c>, <c>exec</c>, <c>compile</c>), to import
/// names nobody can know, or to touch the host (files, processes, sockets, <c>ctypes</c>) — with
/// the real standard library on the path, so that <c>subprocess.run</c>, <c>shutil.rmtree</c>
/// and <c>pathlib</c> run their Python source down to the C functions — never change a file,
/// start a process or import the named module; each such point is an opaque value, the calls
/// that decide nothing are reported. This is where the engine deliberately differs from
/// CPython, which would do all of it. Extension modules (<c>.so</c>) are opaque, their files
/// never loaded, unless a host registers a real module for the name.
/// </summary>
public sealed class InterpreterSecurityTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly string _victim;
    private readonly List<(string Module, InterpreterDiagnostic Point)> _diagnostics = [];

    public InterpreterSecurityTests()
    {
        _victim = _tree["victim"];
        Directory.CreateDirectory(_victim);
        File.WriteAllText(Path.Combine(_victim, "keep.txt"), "untouched");
        // A module that would leave a mark if anything imported it.
        _tree.Write("marker_mod.py", $"open({PythonString(Path.Combine(_victim, "marker"))}, 'w').write('imported')\n");
    }

    /// <summary>
    /// Every way a body could reach the host, at module level and inside a function it calls;
    /// afterwards the victim directory holds exactly what it held, no process ran, and
    /// <c>marker_mod</c> was never imported.
    /// </summary>
    [PythonFact]
    public void HostilePythonBodiesChangeNothingOutsideTheEngine()
    {
        string v = _victim;
        string P(string name) => PythonString(Path.Combine(v, name));
        _tree.Write("hostile.py", $$"""
            import os, sys, subprocess, shutil, pathlib, importlib, tempfile, socket, ctypes
            open({{P("opened")}}, 'w').write('owned')
            with open({{P("with_opened")}}, 'w') as f:
                f.write('owned')
            os.remove({{P("keep.txt")}})
            os.system('touch ' + {{P("system")}})
            os.makedirs({{P("made/deep")}}, exist_ok=True)
            os.rename({{P("keep.txt")}}, {{P("renamed")}})
            subprocess.run(['touch', {{P("subprocess")}}])
            subprocess.Popen(['sh', '-c', 'echo owned > ' + {{P("popen")}}])
            shutil.rmtree({{P("")}}, ignore_errors=True)
            pathlib.Path({{P("pathlib")}}).write_text('owned')
            tempfile.mkstemp(dir={{P("")}})
            eval("__import__('marker_mod')")
            exec("import marker_mod")
            code = compile("import marker_mod", "<string>", "exec")
            exec(code)
            __import__(os.environ.get('ACTORIMPORT_NEVER_SET', 'marker_mod'))
            importlib.import_module(os.environ['HOME'][:0] + 'marker_mod')
            exec(open(os.path.join({{P("")}}, '..', 'marker_mod.py')).read())
            ctypes.CDLL(None).system(b'touch ' + {{P("ctypes")}}.encode())
            def on_import():
                open({{P("in_function")}}, 'w').write('owned')
                os.system('touch ' + {{P("in_function_system")}})
                exec("import marker_mod")
                return 'called'
            CALLED = on_import()
            try:
                socket.create_connection(('127.0.0.1', 9))
            except OSError:
                pass
            DONE = True
            """);
        using ImportEngine engine = NewEngine(stdlib: true);
        var module = (ModuleObject)engine.ImportModule("hostile")!;

        Assert.Equal(true, module.GetAttributeOrDefault("DONE"));
        Assert.Equal(["keep.txt"], Directory.EnumerateFileSystemEntries(_victim).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("untouched", File.ReadAllText(Path.Combine(_victim, "keep.txt")));
        Assert.False(engine.Modules.ContainsKey("marker_mod"), "a module named only by code built at run time was imported");
        // Code built at run time is reported, never run (docs/interpreter.md).
        Assert.Contains(_diagnostics, d => d.Module == "hostile" && d.Point.Kind == DiagnosticKind.UndecidedCall && d.Point.Message.StartsWith("eval(", StringComparison.Ordinal));
        Assert.Contains(_diagnostics, d => d.Module == "hostile" && d.Point.Kind == DiagnosticKind.UndecidedCall && d.Point.Message.StartsWith("exec(", StringComparison.Ordinal));
        Assert.Contains(_diagnostics, d => d.Module == "hostile" && d.Point.Kind == DiagnosticKind.UndecidedImport);
    }

    /// <summary>
    /// The same module with no standard library at all (every import a stand-in host module
    /// that knows nothing): the builtins <c>open</c>, <c>eval</c>, <c>exec</c>, <c>compile</c>
    /// alone do nothing either. No python3 needed.
    /// </summary>
    [Fact]
    public void BuiltinsThatReachTheHostAreOpaque()
    {
        string opened = Path.Combine(_victim, "opened");
        var module = FuzzPythonTests.Run($$"""
            F = open({{PythonString(opened)}}, 'w')
            W = F.write('owned')
            E = eval('1 + 1')
            X = exec('Y = 2')
            C = compile('import marker_mod', '<string>', 'exec')
            I = __import__('marker' + chr(95) + 'mod' if Y else 'x')
            """, InterpreterOptions.Default);
        Assert.False(File.Exists(opened));
        Assert.All(new[] { "F", "W", "E", "X", "C" }, name => Assert.IsType<OpaqueValue>(module.GetAttributeOrDefault(name)));
        Assert.False(module.HasAttribute("Y"), "exec bound a name: it ran");
    }

    /// <summary>
    /// A <c>.so</c> on the path is found (ExtensionFileLoader, as CPython finds it) but never
    /// loaded: the module is opaque (any attribute exists, none has a value), even when the file
    /// is not a shared object at all. A host that registers a real module for the name (a finder
    /// ahead of the path finder on <see cref="ImportEngine.MetaPath"/>) gets that one instead.
    /// </summary>
    [Fact]
    public void ExtensionModulesAreOpaqueUnlessTheHostRegistersOne()
    {
        _tree.Write("fastmod" + ExtensionFileLoader.Suffixes[0], "this is not an ELF file; loading it would fail");
        _tree.Write("user.py", "import fastmod\nVALUE = fastmod.VALUE\nHAS = hasattr(fastmod, 'anything_at_all')\n");

        using (ImportEngine engine = NewEngine(stdlib: false))
        {
            var user = (ModuleObject)engine.ImportModule("user")!;
            var extension = (ModuleObject)engine.Modules["fastmod"]!;
            Assert.IsType<ExtensionFileLoader>(((ModuleSpec)extension.GetAttributeOrDefault("__spec__")!).Loader);
            Assert.IsType<OpaqueValue>(user.GetAttributeOrDefault("VALUE"));
        }

        var host = new HostModules().Add("fastmod", m => m.SetAttribute("VALUE", 42L));
        using (ImportEngine engine = NewEngine(stdlib: false))
        {
            engine.MetaPath.Insert(0, host);
            var user = (ModuleObject)engine.ImportModule("user")!;
            Assert.Equal(42L, user.GetAttributeOrDefault("VALUE"));
            Assert.Equal(false, user.GetAttributeOrDefault("HAS"));
            Assert.Equal(1, host.Executions("fastmod"));
        }
    }

    private ImportEngine NewEngine(bool stdlib) => new(new ImportEngineOptions
    {
        SearchPath = stdlib ? [_tree.Root, PythonOracle.Stdlib, Path.Combine(PythonOracle.Stdlib, "lib-dynload")] : [_tree.Root],
        StdlibDirectory = stdlib ? PythonOracle.Stdlib : null,
        IncludeStartupModules = stdlib,
        Coordination = CoordinationMode.Locks,
        ImportWait = TimeSpan.FromSeconds(60),
        Interpreter = InterpreterOptions.Default with { HonourSleep = false },
        OnDiagnostic = (module, point) =>
        {
            lock (_diagnostics)
            {
                _diagnostics.Add((module, point));
            }
        },
    });

    /// <summary>A Python string literal for <paramref name="text"/> (paths here are plain ASCII).</summary>
    private static string PythonString(string text) => "'" + text.Replace("\\", "\\\\").Replace("'", "\\'") + "'";

    public void Dispose() => _tree.Dispose();
}

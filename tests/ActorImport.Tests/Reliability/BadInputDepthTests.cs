using System.Text.Json;
using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Model;
using ActorImport.Tests.Cli;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Reliability;

/// <summary>
/// Depth: an import chain 20,000 modules deep (a0 imports a1 … imports a19999) ends with
/// CPython's RecursionError after as many bodies as python3 runs with its default recursion
/// limit (<see cref="ImportEngineOptions.MaxImportDepth"/>), never with a stack overflow of the
/// process, whatever the limit is set to; packages nested 200 deep import as in CPython.
/// </summary>
public abstract class BadInputDepthTests : BadInputTestBase
{
    private const int ChainLength = 20_000;

    /// <summary>Enough bodies to overflow a 1 MB stack several times over without the engine's thread hops (about 300 fit).</summary>
    private const int LongChainLength = 2_000;

    private void WriteChain(int length = ChainLength)
    {
        for (int i = 0; i < length; i++)
        {
            System.IO.File.WriteAllText(Tree[$"a{i}.py"], i < length - 1 ? $"import a{i + 1}\n" : "X = 1\n");
        }
    }

    /// <summary>python3's RecursionError text and how many chain bodies were executing when it was raised (through import_module, as the engine's ImportModule).</summary>
    private (string Type, string Message, int Bodies, int Left) AskCPython()
    {
        JsonElement r = PythonOracle.RunJson("""
            import sys, importlib, traceback, json
            sys.path.insert(0, sys.argv[1])
            try:
                importlib.import_module('a0')
                print(json.dumps({'type': None}))
            except BaseException as e:
                tb = traceback.extract_tb(e.__traceback__)
                bodies = len({f.filename for f in tb if f.filename.startswith(sys.argv[1] + '/a')})
                left = sum(1 for n in sys.modules if n.startswith('a') and n[1:].isdigit())
                print(json.dumps({'type': type(e).__name__, 'message': str(e), 'bodies': bodies, 'left': left}))
            """, [Tree.Root], flags: "-I -S -B");
        return (r.GetProperty("type").GetString()!, r.GetProperty("message").GetString()!, r.GetProperty("bodies").GetInt32(), r.GetProperty("left").GetInt32());
    }

    private static int ChainModulesLeft(ImportEngine engine) =>
        engine.Modules.Keys.Count(n => n.Length > 1 && n[0] == 'a' && n[1..].All(char.IsAsciiDigit));

    /// <summary>
    /// Through ImportModule, ImportModuleAsync (a fresh engine each) and the command (exit code 1
    /// and the error in its report, not a process killed by a stack overflow), all on one tree.
    /// </summary>
    [PythonFact]
    public async Task ATwentyThousandDeepChainIsCPythonsRecursionErrorAtCPythonsDepth()
    {
        WriteChain();
        var cpython = AskCPython();
        ImportEngine engine = NewEngine();
        var error = Assert.Throws<PythonException>(() => engine.ImportModule("a0"));
        Assert.Equal(cpython.Type, error.TypeName);
        Assert.Equal(cpython.Message, error.Message);
        Assert.Equal(cpython.Bodies, engine.Statistics.BodiesExecuted);
        Assert.Equal(cpython.Left, ChainModulesLeft(engine));
        // The engine is usable: the tail of the chain imports (no depth problem there).
        Assert.Equal(1L, Convert.ToInt64(Module(engine.ImportModule($"a{ChainLength - 1}")).GetAttributeOrDefault("X"), System.Globalization.CultureInfo.InvariantCulture));
        StillImportsAGoodModule(engine);

        ImportEngine asyncEngine = NewEngine();
        var asyncError = await Assert.ThrowsAsync<PythonException>(() => asyncEngine.ImportModuleAsync("a0"));
        Assert.Equal(cpython.Type, asyncError.TypeName);
        Assert.Equal(cpython.Message, asyncError.Message);
        Assert.Equal(cpython.Bodies, asyncEngine.Statistics.BodiesExecuted);
        StillImportsAGoodModule(asyncEngine);

        var result = CliRunner.Run("import", "--json", "--coordination", Mode == CoordinationMode.Actors ? "actors" : "locks", "--path", Tree.Root, "a0", $"a{ChainLength - 1}");
        Assert.True(result.ExitCode == 1, $"exit code {result.ExitCode}: {result.Stderr}");
        using JsonDocument report = JsonDocument.Parse(result.Stdout);
        JsonElement[] results = [.. report.RootElement.GetProperty("results").EnumerateArray()];
        Assert.Equal(cpython.Type, results[0].GetProperty("error").GetProperty("type").GetString());
        Assert.Equal(cpython.Message, results[0].GetProperty("error").GetProperty("message").GetString());
        Assert.True(results[1].GetProperty("ok").GetBoolean());
    }

    /// <summary>
    /// A limit far above the chain: all 20,000 bodies run, one inside another, and the import
    /// completes (the chain continues on fresh threads every few dozen bodies, so no thread's
    /// stack holds them all); started on a thread with a small stack, where a stack overflow
    /// would end the test process.
    /// </summary>
    [Fact]
    public void AnUnboundedLimitRunsTheWholeChainWithoutAStackOverflow()
    {
        WriteChain(LongChainLength);
        ImportEngine engine = NewEngine(configure: o => o with { MaxImportDepth = int.MaxValue });
        Exception? caught = null;
        var thread = new Thread(() => caught = Record.Exception(() => engine.ImportModule("a0")), maxStackSize: 1024 * 1024);
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromMinutes(2)), "the deep import hung");
        Assert.Null(caught);
        Assert.Equal(LongChainLength, engine.Statistics.BodiesExecuted);
        Assert.Equal(LongChainLength, ChainModulesLeft(engine));
        StillImportsAGoodModule(engine);
    }

    /// <summary>A limit of 1,500: the RecursionError unwinds through 1,500 bodies (each cleaning up) without exhausting a 1 MB stack, and nothing of the chain stays in sys.modules.</summary>
    [Fact]
    public void ADeepRecursionErrorUnwindsCleanly()
    {
        WriteChain(LongChainLength);
        ImportEngine engine = NewEngine(configure: o => o with { MaxImportDepth = 1_500 });
        Exception? caught = null;
        var thread = new Thread(() => caught = Record.Exception(() => engine.ImportModule("a0")), maxStackSize: 1024 * 1024);
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromMinutes(2)), "the deep import hung");
        var error = Assert.IsType<PythonException>(caught);
        Assert.Equal("RecursionError", error.TypeName);
        Assert.Equal(1_500, engine.Statistics.BodiesExecuted);
        Assert.Equal(0, ChainModulesLeft(engine));
        StillImportsAGoodModule(engine);
    }

    [PythonFact]
    public void PackagesNestedTwoHundredDeepImportAsInCPython()
    {
        string[] parts = [.. Enumerable.Range(0, 200).Select(i => $"n{i}")];
        for (int depth = 1; depth <= parts.Length; depth++)
        {
            Tree.Write(string.Join('/', parts.Take(depth)) + "/__init__.py", depth == parts.Length ? "LEAF = True\n" : "");
        }
        string name = string.Join('.', parts);
        ImportOutcome cpython = BadInputOracle.Import(Tree.Root, name);
        ImportEngine engine = NewEngine();
        AssertSame(cpython, ImportOutcome.Of(engine, name), name);
        AssertSame(BadInputOracle.Import(Tree.Root, name, viaDunderImport: true), ImportOutcome.Of(engine, name, viaDunderImport: true), "__import__");
        Assert.Equal(200, engine.Modules.Keys.Count(n => n.StartsWith("n0", StringComparison.Ordinal)));
        StillImportsAGoodModule(engine);
    }

    private static ModuleObject Module(object? value) => Assert.IsAssignableFrom<ModuleObject>(value);
}

public sealed class BadInputDepthTestsUnderActors : BadInputDepthTests
{
    protected override CoordinationMode Mode => CoordinationMode.Actors;
}

public sealed class BadInputDepthTestsUnderLocks : BadInputDepthTests
{
    protected override CoordinationMode Mode => CoordinationMode.Locks;
}

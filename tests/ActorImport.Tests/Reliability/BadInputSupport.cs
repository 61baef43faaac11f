using System.Text.Json;
using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Model;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Reliability;

/// <summary>
/// What one import ended with, in the terms both sides can report: success (and the module's
/// <c>__file__</c>), or the exception's type, <c>str(e)</c>, and where CPython has them the
/// file, line and module name it carries. Immutable.
/// </summary>
public sealed record ImportOutcome(bool Ok, string? Type = null, string? Str = null, string? FileName = null, int? Line = null, string? Name = null, string? File = null)
{
    public override string ToString() => Ok ? $"ok ({File})" : $"{Type}: {Str} [file {FileName ?? "None"}, line {Line?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "None"}, name {Name ?? "None"}]";

    /// <summary>How the engine ended an import of <paramref name="name"/> (through <c>import_module</c> or <c>__import__</c>).</summary>
    public static ImportOutcome Of(ImportEngine engine, string name, bool viaDunderImport = false)
    {
        try
        {
            object? module = viaDunderImport ? engine.ImportName(name) : engine.ImportModule(name);
            return new ImportOutcome(true, File: (module as ModuleObject)?.GetAttributeOrDefault("__file__") as string);
        }
        catch (PythonSyntaxError e)
        {
            return new ImportOutcome(false, e.TypeName, e.Describe(), e.FileName, e.LineIsZero ? 0 : e.Line == 0 ? null : e.Line);
        }
        catch (ImportError e)
        {
            return new ImportOutcome(false, e.TypeName, e.Message, Name: e.Name);
        }
        catch (PythonException e)
        {
            return new ImportOutcome(false, e.TypeName, e.Message);
        }
    }

    public static ImportOutcome FromJson(JsonElement e) => e.GetProperty("ok").GetBoolean()
        ? new ImportOutcome(true, File: e.GetProperty("file").GetString())
        : new ImportOutcome(false, e.GetProperty("type").GetString(), e.GetProperty("str").GetString(), e.GetProperty("filename").GetString(),
            e.GetProperty("lineno").ValueKind == JsonValueKind.Number ? e.GetProperty("lineno").GetInt32() : null, e.GetProperty("name").GetString());
}

/// <summary>
/// Asks python3 (the oracle) how CPython 3.11 ends the imports a bad-input test makes, with the
/// same search path in front of its own, in a fresh <c>python3 -I -S</c> (and <c>-B</c> unless
/// a test wants bytecode written). Names travel as JSON on standard input, so NUL and
/// separators survive. Stateless.
/// </summary>
public static class BadInputOracle
{
    private const string Script = """
        import sys, json, importlib
        job = json.load(sys.stdin)
        sys.path[0:0] = job['path']
        out = []
        for name in job['names']:
            try:
                m = __import__(name) if job['dunder'] else importlib.import_module(name)
                out.append({'ok': True, 'file': getattr(m, '__file__', None)})
            except BaseException as e:
                lineno = getattr(e, 'lineno', None) if isinstance(e, SyntaxError) else None
                out.append({'ok': False, 'type': type(e).__name__, 'str': str(e),
                            'filename': getattr(e, 'filename', None) if isinstance(e, SyntaxError) else None,
                            'lineno': lineno, 'name': getattr(e, 'name', None) if isinstance(e, ImportError) else None})
        print(json.dumps(out))
        """;

    /// <summary>CPython's outcome of importing each of <paramref name="names"/>, in order, in one process.</summary>
    public static ImportOutcome[] Import(IReadOnlyList<string> path, IReadOnlyList<string> names, bool viaDunderImport = false, bool writeBytecode = false)
    {
        string job = JsonSerializer.Serialize(new { path, names, dunder = viaDunderImport });
        JsonElement result = PythonOracle.RunJson(Script, flags: writeBytecode ? "-I -S" : "-I -S -B", stdin: job);
        return [.. result.EnumerateArray().Select(ImportOutcome.FromJson)];
    }

    public static ImportOutcome Import(string pathEntry, string name, bool viaDunderImport = false) => Import([pathEntry], [name], viaDunderImport)[0];
}

/// <summary>
/// The shared shape of the bad-input tests: a temporary tree per test, engines over it (both
/// coordinations through the sealed subclasses), and the check every class ends with — the
/// same engine still imports a good module afterwards.
/// </summary>
public abstract class BadInputTestBase : IDisposable
{
    private readonly List<ImportEngine> _engines = [];

    protected BadInputTestBase()
    {
        Tree = new Engine.TempTree();
    }

    protected Engine.TempTree Tree { get; }

    protected abstract CoordinationMode Mode { get; }

    protected ImportEngine NewEngine(IReadOnlyList<string>? path = null, Func<ImportEngineOptions, ImportEngineOptions>? configure = null)
    {
        var options = new ImportEngineOptions
        {
            SearchPath = path ?? [Tree.Root],
            Coordination = Mode,
            ImportWait = TimeSpan.FromSeconds(60),
        };
        var engine = new ImportEngine(configure is null ? options : configure(options));
        _engines.Add(engine);
        return engine;
    }

    /// <summary>Writes raw bytes at <paramref name="relative"/> under the tree.</summary>
    protected string WriteBytes(string relative, byte[] data)
    {
        string path = Tree[relative];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, data);
        return path;
    }

    /// <summary>After the bad input, the same engine imports a module written now (a fresh name, so nothing is cached).</summary>
    protected void StillImportsAGoodModule(ImportEngine engine)
    {
        string name = "good_" + Guid.NewGuid().ToString("N");
        Tree.Write(name + ".py", "import sys\nVALUE = 42\n");
        engine.InvalidateCaches();
        var module = Assert.IsAssignableFrom<ModuleObject>(engine.ImportModule(name));
        Assert.Equal(42L, Convert.ToInt64(module.GetAttributeOrDefault("VALUE"), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Asserts the engine ended each import as CPython did (file paths compared as written).</summary>
    protected static void AssertSame(ImportOutcome cpython, ImportOutcome ours, string what)
    {
        Assert.True(cpython == ours, $"{what}:\n  CPython: {cpython}\n  engine:  {ours}");
    }

    public void Dispose()
    {
        foreach (ImportEngine engine in _engines)
        {
            engine.Dispose();
        }
        Tree.Dispose();
        GC.SuppressFinalize(this);
    }
}

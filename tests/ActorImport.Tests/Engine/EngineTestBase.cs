using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Model;
using Akka.Actor;
using Akka.Configuration;

namespace ActorImport.Tests.Engine;

/// <summary>
/// The shared base of engine tests that run against both coordinations: each test class is
/// abstract and has two sealed subclasses, one per <see cref="CoordinationMode"/>. Engines made
/// here share one host actor system (created once with the engine's dispatcher), which also
/// exercises the host-supplied system path. Each test owns its temporary tree.
/// </summary>
public abstract class EngineTestBase : IDisposable
{
    private static readonly Lazy<ActorSystem> SharedSystem = new(() =>
        ActorSystem.Create("engine-tests", ConfigurationFactory.ParseString(ActorImport.Configuration.AkkaSection.Defaults)));

    private readonly List<ImportEngine> _engines = [];

    /// <summary>A bounded wait used only to detect hangs, never to assert timing.</summary>
    protected static readonly TimeSpan HangDetector = TimeSpan.FromSeconds(60);

    protected EngineTestBase()
    {
        Tree = new TempTree();
    }

    protected abstract CoordinationMode Mode { get; }

    protected TempTree Tree { get; }

    /// <summary>A new engine whose search path is the test's tree (then <paramref name="morePath"/>).</summary>
    protected ImportEngine NewEngine(Func<ImportEngineOptions, ImportEngineOptions>? configure = null, params string[] morePath)
    {
        var options = new ImportEngineOptions
        {
            SearchPath = [Tree.Root, .. morePath],
            Coordination = Mode,
            ImportWait = HangDetector,
        };
        var engine = new ImportEngine(configure is null ? options : configure(options), Mode == CoordinationMode.Actors ? SharedSystem.Value : null);
        _engines.Add(engine);
        return engine;
    }

    /// <summary>Runs <paramref name="body"/> on <paramref name="count"/> threads released together; returns each result or exception.</summary>
    protected static (object? Value, Exception? Error)[] RunTogether(int count, Func<int, object?> body)
    {
        var results = new (object?, Exception?)[count];
        using var start = new Barrier(count);
        var threads = Enumerable.Range(0, count).Select(i => new Thread(() =>
        {
            start.SignalAndWait(HangDetector);
            try
            {
                results[i] = (body(i), null);
            }
            catch (Exception e)
            {
                results[i] = (null, e);
            }
        })).ToArray();
        foreach (Thread thread in threads)
        {
            thread.Start();
        }
        foreach (Thread thread in threads)
        {
            Assert.True(thread.Join(HangDetector), "a chain hung");
        }
        return results;
    }

    /// <summary>A new engine with <paramref name="mock"/>'s modules installed (CPython's <c>mock_spec</c> context).</summary>
    private protected ImportEngine Engine(CPython.MockSpec mock)
    {
        var engine = NewEngine();
        mock.InstallOn(engine);
        return engine;
    }

    /// <summary>A module value's <c>__name__</c>.</summary>
    protected static string? NameOf(object? module) => Module(module).GetAttributeOrDefault("__name__") as string;

    protected static ModuleObject Module(object? value) => Assert.IsAssignableFrom<ModuleObject>(value);

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

/// <summary>A temporary directory of module files, deleted on dispose. One per test.</summary>
public sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "actorimport-engine-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string this[string relative] => Path.Combine(Root, relative);

    /// <summary>Writes <paramref name="relative"/> (e.g. <c>pkg/__init__.py</c>) with <paramref name="source"/>.</summary>
    public TempTree Write(string relative, string source = "")
    {
        string path = this[relative];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, source.ReplaceLineEndings("\n"));
        return this;
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

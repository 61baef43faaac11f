using System.Text.Json;
using ActorImport.Configuration;
using ActorImport.Stress.Load;
using ActorImport.Tests.Conformance;
using ActorImport.Tests.Engine;
using Akka.Actor;
using Akka.Configuration;

namespace ActorImport.Tests.Reliability;

/// <summary>
/// The randomised-call load in CI (issue 11, "Load"): 20,000 concurrent import calls per
/// coordination over <see cref="LoadUniverse"/> (cycles, failing modules, packages, and the
/// shapes of gh-83065, gh-130094, gh-149728 and gh-114763) on 8 threads, with 0 deadlock errors,
/// 0 half-loaded modules, 0 spurious ModuleNotFoundError and no other violation
/// (<see cref="CallLoad"/>). The universe's expectations are python3's own outcomes. The 10⁶-call
/// run is made outside CI (docs/reliability.md, "Load").
/// </summary>
public sealed class LoadRandomisedCallsTests : IDisposable
{
    private readonly TempTree _tree = new();

    private static readonly Lazy<ActorSystem> System = new(() =>
        ActorSystem.Create("load-tests", ConfigurationFactory.ParseString(AkkaSection.Defaults)));

    public LoadRandomisedCallsTests() => LoadUniverse.Write(_tree.Root);

    /// <summary>Each name imported alone by python3 (the universe's modules removed from sys.modules before each), <c>lzy</c> through importlib.util.LazyLoader.</summary>
    [PythonFact]
    public void TheUniverseExpectationsArePythonsOwn()
    {
        JsonElement outcomes = PythonOracle.RunJson("""
            import sys, json, importlib, importlib.util, importlib.machinery
            root, names = sys.argv[1], json.loads(sys.argv[2])
            sys.path.insert(0, root)
            class Lazy:
                def find_spec(self, name, path, target=None):
                    if name != 'lzy': return None
                    spec = importlib.machinery.PathFinder.find_spec(name, path)
                    spec.loader = importlib.util.LazyLoader(spec.loader)
                    return spec
            sys.meta_path.insert(0, Lazy())
            before = set(sys.modules)
            out = {}
            for name in names:
                for n in [n for n in sys.modules if n not in before]: del sys.modules[n]
                try:
                    m = importlib.import_module(name)
                    done = getattr(m, 'DONE', None)
                    out[name] = None if done is True or name == 'coll.abc' else 'no DONE'
                except BaseException as e:
                    out[name] = f'{type(e).__name__}: {e}'
            print(json.dumps(out))
            """, [_tree.Root, JsonSerializer.Serialize(LoadUniverse.Expected.Keys)], flags: "-I -S -B");
        foreach (var (name, expected) in LoadUniverse.Expected)
        {
            JsonElement outcome = outcomes.GetProperty(name);
            Assert.True(expected == (outcome.ValueKind == JsonValueKind.Null ? null : outcome.GetString()), $"{name}: ours {expected ?? "success"}, python3 {outcome}");
        }
    }

    [Theory]
    [InlineData(CoordinationMode.Actors)]
    [InlineData(CoordinationMode.Locks)]
    public void TwentyThousandRandomisedCallsOnEightThreadsViolateNothing(CoordinationMode mode)
    {
        CallLoadResult result = new CallLoad(_tree.Root, mode, threads: 8, seed: 11, mode == CoordinationMode.Actors ? System.Value : null).Run(20_000);
        Assert.True(result.Violations == 0, result.ToString());
        Assert.Equal(0, result.DeadlockErrors);
        Assert.Equal(0, result.HalfLoaded);
        Assert.Equal(0, result.SpuriousNotFound);
        Assert.True(result.Calls >= 20_000);
    }

    public void Dispose() => _tree.Dispose();
}

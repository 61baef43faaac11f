using System.Collections.Concurrent;
using ActorImport.Discovery;
using ActorImport.Model;

namespace ActorImport.Tests.Discovery;

/// <summary>
/// The path finder asks every entry at once (one actor per entry) and must still pick the spec
/// CPython's sequential walk picks. Host test doubles make a later entry answer first: the
/// "slow" finder cannot answer until every "fast" one has (a signal, not a timing assumption).
/// </summary>
public sealed class PathOrderTests : ImportTestKit
{
    private readonly ScriptedEntries _entries = new();

    private (FinderState State, PathFinder Finder, PathEntryActors Actors) Engine()
    {
        var state = new FinderState();
        var finder = new PathFinder(state);
        state.MetaPath.SetAll([finder]);
        state.PathHooks.SetAll([_entries.Hook]);
        return (state, finder, PathEntryActors.Install(Actors, state));
    }

    [Fact]
    public void EarlierSlowEntryWithALoaderBeatsALaterFastOne()
    {
        var (_, finder, _) = Engine();
        ModuleSpec spec = finder.FindSpec("m", ["slow:loader:A", "fast:loader:B"])!;
        Assert.Equal("A", ((NamedLoader)spec.Loader!).Label);
        Assert.True(_entries.Answered.ToArray() is ["B", "A"], "the later entry answered first");
    }

    [Fact]
    public void ALoaderAnywhereBeatsEarlierNamespacePortions()
    {
        var (_, finder, _) = Engine();
        _entries.ExpectedFast = 2;
        ModuleSpec spec = finder.FindSpec("m", ["fast:portion:A", "slow:loader:B", "fast:portion:C"])!;
        Assert.Equal("B", ((NamedLoader)spec.Loader!).Label);
    }

    [Fact]
    public void PortionsAreKeptInPathOrderWhenNoEntryHasALoader()
    {
        var (_, finder, _) = Engine();
        _entries.ExpectedFast = 2;
        ModuleSpec spec = finder.FindSpec("m", ["slow:portion:A", "fast:none:B", "fast:portion:C"])!;
        Assert.Null(spec.Loader);
        Assert.Null(spec.Origin);
        Assert.IsType<NamespacePath>(spec.SubmoduleSearchLocations);
        Assert.Equal(["A", "C"], spec.SubmoduleSearchLocations!.ToList());
    }

    [Fact]
    public void AnErrorAfterTheWinnerIsNotRaisedButOneBeforeItIs()
    {
        var (_, finder, _) = Engine();
        Assert.Equal("A", ((NamedLoader)finder.FindSpec("m", ["slow:loader:A", "fast:error:B"])!.Loader!).Label);
        _entries.Reset();
        var error = Assert.Throws<ImportError>(() => finder.FindSpec("m", ["slow:error:A", "fast:loader:B"]));
        Assert.Equal("boom from A", error.Message);
    }

    [Fact]
    public void SameAnswerAsTheSequentialWalkForEveryOrder()
    {
        string[] kinds = ["loader", "portion", "none", "error"];
        _entries.ExpectedFast = 2;
        foreach (string first in kinds)
        {
            foreach (string second in kinds)
            {
                foreach (string third in kinds)
                {
                    string[] labels = [$"{first}:A", $"{second}:B", $"{third}:C"];
                    var (_, parallel, _) = Engine();
                    var sequential = new PathFinder(SequentialState());
                    string Outcome(PathFinder f, string[] path)
                    {
                        try
                        {
                            ModuleSpec? s = f.FindSpec("m", path);
                            return s is null ? "None" : s.Loader is NamedLoader l ? l.Label : string.Join(",", s.SubmoduleSearchLocations!);
                        }
                        catch (ImportError e)
                        {
                            return e.Message;
                        }
                    }
                    // The parallel run makes the first entry wait for the others.
                    string[] parallelPath = [$"slow:{labels[0]}", $"fast:{labels[1]}", $"fast:{labels[2]}"];
                    string[] sequentialPath = [$"now:{labels[0]}", $"now:{labels[1]}", $"now:{labels[2]}"];
                    string expected = Outcome(sequential, sequentialPath);
                    _entries.Reset();
                    Assert.Equal(expected, Outcome(parallel, parallelPath));
                    _entries.Reset();
                }
            }
        }
    }

    [Fact]
    public void ManyThreadsFindingAtOnceAllGetThePathOrderAnswer()
    {
        // Real directories, fresh engine states (so every entry's actor is asked), eight threads.
        using var layout = new TempLayout();
        string[] path = [.. Enumerable.Range(0, 8).Select(i => layout.Dir($"e{i}"))];
        foreach (int i in new[] { 1, 2 })
        {
            layout.Dir($"e{i}/ns"); // namespace portions before the winner
        }
        foreach (int i in new[] { 4, 6 })
        {
            layout.File($"e{i}/m.py");
            layout.File($"e{i}/ns/__init__.py");
        }
        layout.Dir("e7/only_ns");
        layout.Dir("e3/only_ns");
        FinderState Fresh()
        {
            FinderState state = FinderState.CreateDefault(path);
            PathEntryActors.Install(Actors, state);
            return state;
        }
        string Outcome(FinderState state, string name)
        {
            ModuleSpec? spec = SpecFinder.FindSpec(state, name);
            return spec is null ? "None" : $"{spec.Origin}|{string.Join(",", spec.SubmoduleSearchLocations ?? [])}";
        }
        string[] names = ["m", "ns", "only_ns", "missing"];
        FinderState sequential = FinderState.CreateDefault(path); // no actors: CPython's walk on this thread
        Dictionary<string, string> expected = names.ToDictionary(n => n, n => Outcome(sequential, n));
        Assert.Equal($"{layout["e4/m.py"]}|", expected["m"]);

        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 8 }, round =>
        {
            FinderState state = Fresh();
            foreach (string name in names)
            {
                string actual = Outcome(state, name);
                if (actual != expected[name])
                {
                    failures.Enqueue($"round {round}, {name}: {actual} instead of {expected[name]}");
                }
            }
        });
        Assert.Empty(failures);
    }

    private FinderState SequentialState()
    {
        var state = new FinderState();
        state.PathHooks.SetAll([_entries.Hook]);
        return state;
    }

    [Fact]
    public void HostFindersThatAreNotThreadSafeAreCalledOneAtATime()
    {
        var state = new FinderState();
        var finder = new PathFinder(state);
        state.MetaPath.SetAll([finder]);
        var host = new CountingHostFinder();
        state.PathHooks.SetAll([entry => host]);
        PathEntryActors.Install(Actors, state);
        string[] path = [.. Enumerable.Range(0, 8).Select(i => $"/host/{i}")];
        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => finder.FindSpec($"m{i}", path));
        Assert.Equal(16 * 8, host.Calls);
        Assert.Equal(1, host.MaxConcurrent);
    }

    /// <summary>A loader known by a label.</summary>
    private sealed class NamedLoader(string label) : ILoader
    {
        public string Label { get; } = label;

        public ModuleObject? CreateModule(ModuleSpec spec) => null;

        public void ExecModule(ModuleObject module)
        {
        }
    }

    /// <summary>
    /// Entries spelled <c>speed:kind:label</c>: speed <c>slow</c> waits until
    /// <see cref="ExpectedFast"/> other entries of the lookup have answered, <c>fast</c> and
    /// <c>now</c> answer at once; kind is <c>loader</c>, <c>portion</c>, <c>none</c> or
    /// <c>error</c>. Thread-safe by design (hence <see cref="IThreadSafe"/>).
    /// </summary>
    private sealed class ScriptedEntries : IThreadSafe
    {
        private readonly ConcurrentQueue<string> _answered = new();

        /// <summary>Labels in the order their entries answered.</summary>
        public IReadOnlyCollection<string> Answered => _answered;

        /// <summary>How many other entries answer before a slow one may.</summary>
        public int ExpectedFast { get; set; } = 1;

        public void Reset() => _answered.Clear();

        public IPathEntryFinder Hook(string entry)
        {
            string[] parts = entry.Split(':');
            return new Finder(this, parts[0], parts[1], parts[2]);
        }

        private sealed class Finder(ScriptedEntries owner, string speed, string kind, string label) : IPathEntryFinder, IThreadSafe
        {
            public ModuleSpec? FindSpec(string fullname, ModuleObject? target = null)
            {
                if (speed == "slow")
                {
                    Assert.True(
                        SpinWait.SpinUntil(() => owner._answered.Count >= owner.ExpectedFast, TimeSpan.FromSeconds(10)),
                        "the later entries never answered: entries were not asked at once");
                }
                try
                {
                    return kind switch
                    {
                        "loader" => new ModuleSpec(fullname, new NamedLoader(label), origin: label),
                        "portion" => new ModuleSpec(fullname, null) { SubmoduleSearchLocations = new List<string> { label } },
                        "error" => throw new ImportError($"boom from {label}"),
                        _ => null,
                    };
                }
                finally
                {
                    owner._answered.Enqueue(label);
                }
            }

            public void InvalidateCaches()
            {
            }
        }
    }

    /// <summary>A host finder that is not thread-safe: it records how many calls overlap.</summary>
    private sealed class CountingHostFinder : IPathEntryFinder
    {
        private int _inside;
        private int _calls;

        public int MaxConcurrent { get; private set; }

        public int Calls => Volatile.Read(ref _calls);

        public ModuleSpec? FindSpec(string fullname, ModuleObject? target = null)
        {
            int inside = Interlocked.Increment(ref _inside);
            MaxConcurrent = Math.Max(MaxConcurrent, inside);
            Thread.SpinWait(2000);
            Interlocked.Increment(ref _calls);
            Interlocked.Decrement(ref _inside);
            return null;
        }

        public void InvalidateCaches()
        {
        }
    }
}

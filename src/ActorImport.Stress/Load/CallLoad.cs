using System.Collections.Concurrent;
using System.Diagnostics;
using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Model;

namespace ActorImport.Stress.Load;

/// <summary>
/// Randomised concurrent import calls over <see cref="LoadUniverse"/> (issue 11, "Load"): in
/// each epoch a fresh engine, <c>threads</c> threads released together, each making
/// <c>callsPerThread</c> calls — <c>ImportModule(name)</c>, <c>ImportName(parent,
/// fromlist=[leaf])</c> or <c>ImportModuleAsync(name)</c> of a random name, in a seeded order —
/// while thread 0 also inserts and removes a finder at the front of <c>sys.meta_path</c> (the
/// other half of gh-130094). Each result is checked against the universe's expectations:
/// <list type="bullet">
/// <item>no deadlock error, no ModuleNotFoundError for a name that exists, and every failure is
///   exactly the one its body raises;</item>
/// <item>no half-loaded module: a call made outside any import chain can never legitimately
///   get a partial module (only a chain that is itself inside the cycle can), so every returned
///   module has run its body to the end (<c>DONE</c> is bound);</item>
/// <item>a ready submodule is bound on its parent (gh-149728), one object per name in an
///   epoch, and after the epoch nothing is initialising and no failing module is left in
///   <c>sys.modules</c>.</item>
/// </list>
/// Thread-safety: one <see cref="Run"/> at a time per instance; the counters are interlocked.
/// </summary>
public sealed class CallLoad(string root, CoordinationMode mode, int threads, int seed, Akka.Actor.ActorSystem? system = null)
{
    private static readonly string[] Names = [.. LoadUniverse.Expected.Keys];

    private static readonly TimeSpan HangDetector = TimeSpan.FromSeconds(60);

    private long _deadlocks, _halfLoaded, _notFound, _wrong, _unbound, _different, _initialising, _failedLeft, _waits, _partials;
    private readonly ConcurrentQueue<string> _examples = new();

    /// <summary>Makes about <paramref name="calls"/> calls, <paramref name="callsPerThread"/> per thread per engine.</summary>
    public CallLoadResult Run(long calls, int callsPerThread = 250)
    {
        var watch = Stopwatch.StartNew();
        long perEpoch = (long)threads * callsPerThread;
        long epochs = Math.Max(1, (calls + perEpoch - 1) / perEpoch);
        for (long epoch = 0; epoch < epochs; epoch++)
        {
            RunEpoch((int)(seed + epoch), callsPerThread);
        }
        return new CallLoadResult(epochs * perEpoch, epochs, _waits, _partials, _deadlocks, _halfLoaded, _notFound, _wrong, _unbound, _different, _initialising, _failedLeft,
            watch.Elapsed, [.. _examples.Take(20)]);
    }

    private void RunEpoch(int epochSeed, int callsPerThread)
    {
        using var engine = new ImportEngine(new ImportEngineOptions { SearchPath = [root], Coordination = mode, ImportWait = HangDetector }, system);
        engine.MetaPath.Insert(0, new LazyLoaderFinder(engine, "lzy"));
        var objects = new ConcurrentDictionary<string, object>(StringComparer.Ordinal);
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var random = new Random(HashCode.Combine(epochSeed, t));
            start.SignalAndWait(HangDetector);
            var noOp = new NoOpFinder();
            for (int i = 0; i < callsPerThread; i++)
            {
                if (t == 0 && i % 16 == 0)
                {
                    if (i % 32 == 0)
                    {
                        engine.MetaPath.Insert(0, noOp);
                    }
                    else
                    {
                        engine.MetaPath.Remove(noOp);
                    }
                }
                string name = Names[random.Next(Names.Length)];
                Call(engine, name, random.Next(3), objects);
            }
            engine.MetaPath.Remove(noOp);
        })).ToArray();
        foreach (Thread worker in workers)
        {
            worker.Start();
        }
        foreach (Thread worker in workers)
        {
            if (!worker.Join(HangDetector * 2))
            {
                throw new TimeoutException($"epoch {epochSeed}: a thread hung (the engine's wait is bounded by {HangDetector})");
            }
        }
        CheckEpochEnd(engine, objects);
        Interlocked.Add(ref _waits, engine.Statistics.Waits);
        Interlocked.Add(ref _partials, engine.Statistics.CrossChainPartials + engine.Statistics.SameChainPartials);
    }

    private void Call(ImportEngine engine, string name, int form, ConcurrentDictionary<string, object> objects)
    {
        object? value;
        int dot = name.LastIndexOf('.');
        try
        {
            value = form switch
            {
                0 => engine.ImportModule(name),
                1 when dot > 0 => Leaf(engine, engine.ImportName(name[..dot], fromlist: [name[(dot + 1)..]]), name),
                1 => engine.ImportName(name),
                _ => engine.ImportModuleAsync(name).GetAwaiter().GetResult(),
            };
        }
        catch (Exception e)
        {
            Failed(name, form, e);
            return;
        }
        Succeeded(engine, name, form, value, objects);
    }

    /// <summary><c>IMPORT_FROM</c>: the attribute, else (3.7+) <c>sys.modules[parent.leaf]</c>.</summary>
    private static object? Leaf(ImportEngine engine, object? parent, string name) =>
        parent is ModuleObject module && module.TryGetAttribute(name[(name.LastIndexOf('.') + 1)..], out object? value) ? value
        : engine.Modules.TryGetValue(name, out object? stored) ? stored : null;

    private void Failed(string name, int form, Exception error)
    {
        string text = error is PythonException python ? $"{python.TypeName}: {python.Message}" : $"{error.GetType().Name}: {error.Message}";
        string? expected = LoadUniverse.Expected[name];
        if (text == expected)
        {
            return;
        }
        if (text.Contains("deadlock", StringComparison.OrdinalIgnoreCase))
        {
            Violation(ref _deadlocks, $"deadlock error importing {name} (form {form}): {text}");
        }
        else if (error is ModuleNotFoundError)
        {
            Violation(ref _notFound, $"spurious ModuleNotFoundError importing {name} (form {form}): {text}");
        }
        else
        {
            Violation(ref _wrong, $"importing {name} (form {form}): expected {expected ?? "success"}, got {text}");
        }
    }

    private void Succeeded(ImportEngine engine, string name, int form, object? value, ConcurrentDictionary<string, object> objects)
    {
        if (LoadUniverse.Expected[name] is string expected)
        {
            Violation(ref _wrong, $"importing {name} (form {form}): expected {expected}, got success");
            return;
        }
        if (value is not ModuleObject module)
        {
            Violation(ref _wrong, $"importing {name} (form {form}): got {value?.GetType().Name ?? "None"}, not a module");
            return;
        }
        if (!LoadUniverse.WithoutDoneMark.Contains(name) && module.GetAttributeOrDefault("DONE") is not true)
        {
            Violation(ref _halfLoaded, $"importing {name} (form {form}): the module's body has not finished (no DONE)");
        }
        int dot = name.LastIndexOf('.');
        if (dot > 0 && !LoadUniverse.NotBoundOnParent.Contains(name)
            && !(engine.Modules.TryGetValue(name[..dot], out object? parent) && parent is ModuleObject p && ReferenceEquals(p.GetAttributeOrDefault(name[(dot + 1)..]), module)))
        {
            Violation(ref _unbound, $"importing {name} (form {form}): ready, but not bound on its parent (gh-149728)");
        }
        if (!ReferenceEquals(objects.GetOrAdd(name, module), module))
        {
            Violation(ref _different, $"importing {name} (form {form}): a second object for one name");
        }
    }

    private void CheckEpochEnd(ImportEngine engine, ConcurrentDictionary<string, object> objects)
    {
        foreach (string name in engine.Modules.Initializing())
        {
            Violation(ref _initialising, $"{name} left initialising");
        }
        foreach (var (name, expected) in LoadUniverse.Expected)
        {
            if (expected is not null && engine.Modules.ContainsKey(name))
            {
                Violation(ref _failedLeft, $"{name} failed but is in sys.modules");
            }
        }
        foreach (var (name, module) in objects)
        {
            if (!engine.Modules.TryGetValue(name, out object? final) || !ReferenceEquals(final, module))
            {
                Violation(ref _different, $"{name}: sys.modules holds another object at the end");
            }
        }
    }

    private void Violation(ref long counter, string example)
    {
        Interlocked.Increment(ref counter);
        if (_examples.Count < 20)
        {
            _examples.Enqueue(example);
        }
    }

    /// <summary>A finder that finds nothing: inserted and removed at the front of <c>sys.meta_path</c> while others import.</summary>
    private sealed class NoOpFinder : IMetaPathFinder, IThreadSafe
    {
        public ModuleSpec? FindSpec(string fullname, IReadOnlyList<string>? path, ModuleObject? target = null) => null;

        public void InvalidateCaches()
        {
        }
    }
}

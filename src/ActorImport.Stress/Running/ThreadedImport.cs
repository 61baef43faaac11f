using ActorImport.Engine;
using ActorImport.Model;
using ActorImport.Stress.Checking;

namespace ActorImport.Stress.Running;

/// <summary>
/// T threads that start together (a barrier) and each import every name of a universe in its
/// own order, recording what each import gave — with <c>ImportModule</c>, or, for async
/// flows, each thread starting one flow of <c>ImportModuleAsync</c> calls (one chain per flow).
/// The hang detector is a bounded join: a thread not finished by then is reported with the
/// name it is importing and left behind (it is a background thread), never waited for. Used by
/// one runner call at a time.
/// </summary>
internal sealed class ThreadedImport
{
    private readonly ImportEngine _engine;
    private readonly IReadOnlyList<IReadOnlyList<string>> _orders;
    private readonly List<ImportObservation>[] _observations;
    private readonly string?[] _importing;

    private readonly bool _async;

    public ThreadedImport(ImportEngine engine, IReadOnlyList<IReadOnlyList<string>> orders, bool asyncFlows = false)
    {
        _engine = engine;
        _async = asyncFlows;
        _orders = orders;
        _observations = [.. orders.Select(o => new List<ImportObservation>(o.Count))];
        _importing = new string?[orders.Count];
    }

    /// <summary>Runs the threads; returns the threads still running after <paramref name="timeout"/>.</summary>
    public IReadOnlyList<HungThread> Run(TimeSpan timeout)
    {
        int count = _orders.Count;
        var start = new Barrier(count);
        var done = new ManualResetEventSlim[count];
        var workers = new Thread[count];
        for (int i = 0; i < count; i++)
        {
            int thread = i;
            done[i] = new ManualResetEventSlim(false);
            workers[i] = new Thread(() =>
            {
                try
                {
                    start.SignalAndWait(timeout);
                    if (_async)
                    {
                        ImportAllAsync(thread).Wait();
                    }
                    else
                    {
                        ImportAll(thread);
                    }
                }
                finally
                {
                    done[thread].Set();
                }
            })
            { IsBackground = true, Name = $"stress-{i}" };
            workers[i].Start();
        }
        var hung = new List<HungThread>();
        DateTime deadline = DateTime.UtcNow + timeout;
        for (int i = 0; i < count; i++)
        {
            TimeSpan left = deadline - DateTime.UtcNow;
            if (!done[i].Wait(left > TimeSpan.Zero ? left : TimeSpan.Zero))
            {
                hung.Add(new HungThread(i, Volatile.Read(ref _importing[i]), timeout));
            }
        }
        if (hung.Count == 0)
        {
            start.Dispose();
            foreach (ManualResetEventSlim d in done)
            {
                d.Dispose();
            }
        }
        return hung;
    }

    /// <summary>Each thread's observations; for a hung thread, a copy of what it recorded so far.</summary>
    public IReadOnlyList<IReadOnlyList<ImportObservation>> Observations(IReadOnlyList<HungThread> hung) =>
        [.. _observations.Select((o, i) => hung.Any(h => h.Thread == i) ? SnapshotOf(o) : (IReadOnlyList<ImportObservation>)o)];

    private static IReadOnlyList<ImportObservation> SnapshotOf(List<ImportObservation> observations)
    {
        lock (observations)
        {
            return [.. observations];
        }
    }

    private void ImportAll(int thread)
    {
        foreach (string name in _orders[thread])
        {
            Volatile.Write(ref _importing[thread], name);
            ImportObservation observation;
            try
            {
                observation = new ImportObservation(name, _engine.ImportModule(name));
            }
            catch (Exception e)
            {
                observation = Failure(name, e);
            }
            Record(thread, observation);
        }
        Volatile.Write(ref _importing[thread], null);
    }

    /// <summary>One async flow: its chain is installed by the first call and lives for the rest of the flow.</summary>
    private async Task ImportAllAsync(int thread)
    {
        await Task.Yield();
        foreach (string name in _orders[thread])
        {
            Volatile.Write(ref _importing[thread], name);
            ImportObservation observation;
            try
            {
                observation = new ImportObservation(name, await _engine.ImportModuleAsync(name).ConfigureAwait(false));
            }
            catch (Exception e)
            {
                observation = Failure(name, e);
            }
            Record(thread, observation);
        }
        Volatile.Write(ref _importing[thread], null);
    }

    /// <summary>A Python error as CPython names it; anything else (an internal invariant, an ask's timeout) under its .NET name, which no expectation allows.</summary>
    private static ImportObservation Failure(string name, Exception e) => e is PythonException python
        ? ImportObservation.Failed(name, python.TypeName, python.Message)
        : ImportObservation.Failed(name, $"(.NET) {e.GetType().Name}", e.Message);

    private void Record(int thread, ImportObservation observation)
    {
        List<ImportObservation> observations = _observations[thread];
        lock (observations)
        {
            observations.Add(observation);
        }
    }
}

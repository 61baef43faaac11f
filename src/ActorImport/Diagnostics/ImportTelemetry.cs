using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ActorImport.Diagnostics;

/// <summary>
/// Import events as .NET metrics and traces, for <c>dotnet-counters</c>, <c>dotnet-trace</c>
/// and OpenTelemetry: a <see cref="Meter"/> and an <see cref="ActivitySource"/>, both named
/// <see cref="Name"/> ("ActorImport").
/// <list type="bullet">
/// <item><c>actorimport.imports</c> (counter): imports that found and loaded a module, tag <c>outcome</c> = ok | error;</item>
/// <item><c>actorimport.cache_hits</c>: ready modules read from <c>sys.modules</c>;</item>
/// <item><c>actorimport.waits</c>: waits for another chain's module;</item>
/// <item><c>actorimport.partial_handovers</c>: partial modules returned, tag <c>chain</c> = same | cross;</item>
/// <item><c>actorimport.failures</c>: imports that raised;</item>
/// <item><c>actorimport.lazy_reifications</c>: lazy modules and PEP 810 bindings reified;</item>
/// <item><c>actorimport.import.duration</c> (histogram, seconds): each import's cumulative time, tag <c>outcome</c>.</item>
/// </list>
/// One <see cref="Activity"/> named <c>import</c> per import (display name: the module; tags
/// <c>actorimport.module</c>, <c>actorimport.chain</c>, <c>actorimport.depth</c>; error status on
/// failure), nested as the imports are; waits, hand-overs and reifications are events on the
/// chain's innermost activity. Activities exist only while something listens to the source.
/// Each instance has its own meter and source (no static state); dispose it with the engine.
/// Thread-safety: <see cref="OnEvent"/> may be called from any number of threads.
/// </summary>
public sealed class ImportTelemetry : IImportObserver, IDisposable
{
    /// <summary>The meter's and the activity source's name.</summary>
    public const string Name = "ActorImport";

    private static readonly KeyValuePair<string, object?> Ok = new("outcome", "ok");
    private static readonly KeyValuePair<string, object?> Error = new("outcome", "error");
    private static readonly KeyValuePair<string, object?> SameChain = new("chain", "same");
    private static readonly KeyValuePair<string, object?> CrossChain = new("chain", "cross");

    private readonly Counter<long> _imports;
    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _waits;
    private readonly Counter<long> _handOvers;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _reifications;
    private readonly Histogram<double> _duration;
    private readonly ChainStacks<Open> _open = new();

    /// <summary>An import in progress: its start and its activity (null when nobody listens).</summary>
    private readonly record struct Open(long Start, Activity? Activity);

    public ImportTelemetry()
    {
        string? version = typeof(ImportTelemetry).Assembly.GetName().Version?.ToString();
        Meter = new Meter(Name, version);
        Source = new ActivitySource(Name, version);
        _imports = Meter.CreateCounter<long>("actorimport.imports", "{import}", "Imports that found and loaded a module");
        _cacheHits = Meter.CreateCounter<long>("actorimport.cache_hits", "{import}", "Imports answered from sys.modules");
        _waits = Meter.CreateCounter<long>("actorimport.waits", "{wait}", "Waits for a module another chain initialises");
        _handOvers = Meter.CreateCounter<long>("actorimport.partial_handovers", "{module}", "Partial modules returned (same chain, or handed over across chains)");
        _failures = Meter.CreateCounter<long>("actorimport.failures", "{import}", "Imports that raised");
        _reifications = Meter.CreateCounter<long>("actorimport.lazy_reifications", "{module}", "Lazy modules and PEP 810 lazy bindings reified");
        _duration = Meter.CreateHistogram<double>("actorimport.import.duration", "s", "Cumulative time of each import that found and loaded a module");
    }

    public Meter Meter { get; }

    public ActivitySource Source { get; }

    public void OnEvent(in ImportEvent e)
    {
        switch (e.Kind)
        {
            case ImportEventKind.ImportStarted:
                _open.Push(e.Chain, new Open(e.Timestamp, StartActivity(e)));
                break;
            case ImportEventKind.ImportFinished:
                Finished(e);
                break;
            case ImportEventKind.CacheHit:
                _cacheHits.Add(1);
                break;
            case ImportEventKind.WaitStarted:
                _waits.Add(1);
                AddActivityEvent(e, "wait");
                break;
            case ImportEventKind.PartialSameChain:
                _handOvers.Add(1, SameChain);
                AddActivityEvent(e, "partial module (same chain)");
                break;
            case ImportEventKind.PartialCrossChain:
                _handOvers.Add(1, CrossChain);
                AddActivityEvent(e, "partial module handed over");
                break;
            case ImportEventKind.LazyReified:
                _reifications.Add(1);
                AddActivityEvent(e, "lazy reification");
                break;
        }
    }

    private Activity? StartActivity(in ImportEvent e)
    {
        Activity? activity = Source.StartActivity("import", ActivityKind.Internal);
        if (activity is not null)
        {
            activity.DisplayName = e.Name;
            activity.SetTag("actorimport.module", e.Name);
            activity.SetTag("actorimport.chain", e.Chain);
            activity.SetTag("actorimport.depth", e.Depth);
        }
        return activity;
    }

    private void Finished(in ImportEvent e)
    {
        KeyValuePair<string, object?> outcome = e.Failed ? Error : Ok;
        _imports.Add(1, outcome);
        if (e.Failed)
        {
            _failures.Add(1);
        }
        if (!_open.TryPop(e.Chain, out Open open))
        {
            return;
        }
        _duration.Record(Stopwatch.GetElapsedTime(open.Start, e.Timestamp).TotalSeconds, outcome);
        if (open.Activity is Activity activity)
        {
            if (e.Error is Exception error)
            {
                activity.SetStatus(ActivityStatusCode.Error, error.Message);
                activity.SetTag("exception.type", error.GetType().Name);
            }
            activity.Stop();
        }
    }

    private void AddActivityEvent(in ImportEvent e, string what)
    {
        if (_open.TryPeek(e.Chain, out Open open) && open.Activity is Activity activity)
        {
            activity.AddEvent(new ActivityEvent(what, tags: new ActivityTagsCollection { ["actorimport.module"] = e.Name }));
        }
    }

    public void Dispose()
    {
        Source.Dispose();
        Meter.Dispose();
    }
}

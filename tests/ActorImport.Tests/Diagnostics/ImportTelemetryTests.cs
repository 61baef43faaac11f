using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using ActorImport.Configuration;
using ActorImport.Diagnostics;
using ActorImport.Engine;
using ActorImport.Model;
using ActorImport.Tests.Engine;

namespace ActorImport.Tests.Diagnostics;

/// <summary>
/// <see cref="ImportTelemetry"/> seen as dotnet-counters and OpenTelemetry see it: a
/// <see cref="MeterListener"/> and an <see cref="ActivityListener"/> on this instance's meter and
/// source, over a small known tree.
/// </summary>
public sealed class ImportTelemetryTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly ImportTelemetry _telemetry = new();
    private readonly ConcurrentDictionary<string, long> _counts = new();
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _activities;

    public ImportTelemetryTests()
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, _telemetry.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Count(instrument.Name, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Count(instrument.Name, 1, tags));
        _meters.Start();
        _activities = new ActivityListener
        {
            ShouldListenTo = source => ReferenceEquals(source, _telemetry.Source),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);
    }

    /// <summary>Counts by instrument name, and by name/tag=value for each tag.</summary>
    private void Count(string name, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        _counts.AddOrUpdate(name, value, (_, n) => n + value);
        foreach (var (key, tag) in tags)
        {
            _counts.AddOrUpdate($"{name}/{key}={tag}", value, (_, n) => n + value);
        }
    }

    private long Counted(string name) => _counts.GetValueOrDefault(name);

    [Fact]
    public void TheMeterAndTheSourceAreNamedActorImport()
    {
        Assert.Equal("ActorImport", _telemetry.Meter.Name);
        Assert.Equal("ActorImport", _telemetry.Source.Name);
    }

    [Fact]
    public void ASmallTreeGivesItsCountsAndOneNestedActivityPerImport()
    {
        _tree.Write("app.py", "import pkg.sub\nimport leaf\nimport leaf\n")
            .Write("pkg/__init__.py", "from . import helper\n")
            .Write("pkg/helper.py", "import leaf\n")
            .Write("pkg/sub.py")
            .Write("leaf.py")
            .Write("broken.py", "import leaf\nraise ValueError('broken on purpose')\n");
        using var engine = new ImportEngine(new ImportEngineOptions { SearchPath = [_tree.Root], Coordination = CoordinationMode.Locks, Observer = _telemetry });
        engine.ImportModule("app");
        // Found and loaded: app, pkg.sub, pkg, pkg.helper, leaf. Cache hits: leaf twice in app, and
        // pkg once more after pkg.sub (`import pkg.sub` binds the top package). The partial pkg
        // went to pkg's own body (`from . import helper`).
        Assert.Equal(5, Counted("actorimport.imports"));
        Assert.Equal(5, Counted("actorimport.imports/outcome=ok"));
        Assert.Equal(5, Counted("actorimport.import.duration"));
        Assert.Equal(3, Counted("actorimport.cache_hits"));
        Assert.Equal(1, Counted("actorimport.partial_handovers/chain=same"));
        Assert.Equal(0, Counted("actorimport.partial_handovers/chain=cross"));
        Assert.Equal(0, Counted("actorimport.waits"));
        Assert.Equal(0, Counted("actorimport.failures"));

        Assert.Throws<PythonException>(() => engine.ImportModule("broken"));
        Assert.Equal(6, Counted("actorimport.imports"));
        Assert.Equal(1, Counted("actorimport.imports/outcome=error"));
        Assert.Equal(1, Counted("actorimport.failures"));
        Assert.Equal(4, Counted("actorimport.cache_hits")); // leaf, in broken

        Dictionary<string, Activity> byModule = _stopped.ToDictionary(a => a.DisplayName);
        Assert.Equal(["app", "broken", "leaf", "pkg", "pkg.helper", "pkg.sub"], byModule.Keys.Order(StringComparer.Ordinal));
        Assert.All(byModule.Values, a => Assert.Equal("import", a.OperationName));
        Assert.Null(byModule["app"].Parent);
        Assert.Same(byModule["app"], byModule["pkg.sub"].Parent);
        Assert.Same(byModule["pkg.sub"], byModule["pkg"].Parent);
        Assert.Same(byModule["pkg"], byModule["pkg.helper"].Parent);
        Assert.Same(byModule["pkg.helper"], byModule["leaf"].Parent);
        Assert.Equal("pkg.helper", byModule["pkg.helper"].GetTagItem("actorimport.module"));
        Assert.Equal(3, byModule["pkg.helper"].GetTagItem("actorimport.depth"));
        Assert.Contains(byModule["pkg"].Events, e => e.Name == "partial module (same chain)");
        Assert.Equal(ActivityStatusCode.Error, byModule["broken"].Status);
        Assert.Equal(ActivityStatusCode.Unset, byModule["app"].Status);
        // Every activity was stopped, and none is left current on this thread.
        Assert.Null(Activity.Current);
    }

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
        _telemetry.Dispose();
        _tree.Dispose();
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;

namespace ActorImport.Diagnostics;

/// <summary>
/// Records an engine's events for a Chrome trace-event file (<see cref="ChromeTraceFormat"/>,
/// opens in Perfetto and chrome://tracing): one track per importing thread, a complete span
/// ("X") per import that found and loaded a module (nested as the imports were), a span per wait
/// for another chain's module, and instant events ("i") at each wait's start, partial-module
/// hand-over and lazy reification. An import is drawn on the thread it started on (an async flow
/// that resumes elsewhere keeps its track). Imports still open when the trace is written are left
/// out.
/// Thread-safety: <see cref="OnEvent"/> may be called from any number of threads;
/// <see cref="Snapshot"/> may be called at any time (it sees the spans finished so far).
/// </summary>
public sealed class ChromeTraceRecorder : IImportObserver
{
    private readonly long _origin = Stopwatch.GetTimestamp();
    private readonly ChainStacks<Open> _imports = new();
    private readonly ConcurrentDictionary<long, Open> _waits = new();
    private readonly ConcurrentQueue<TraceEvent> _events = new();
    private readonly ConcurrentDictionary<int, string> _threadNames = new();

    /// <summary>A span started and not yet finished.</summary>
    private readonly record struct Open(string Name, long Start, int Thread, int Depth);

    public void OnEvent(in ImportEvent e)
    {
        _threadNames.GetOrAdd(e.Thread, static (id, name) => name ?? $"thread {id}", Thread.CurrentThread.Name);
        switch (e.Kind)
        {
            case ImportEventKind.ImportStarted:
                _imports.Push(e.Chain, new Open(e.Name, e.Timestamp, e.Thread, e.Depth));
                break;
            case ImportEventKind.ImportFinished when _imports.TryPop(e.Chain, out Open import):
                _events.Enqueue(Span("import", import, e));
                break;
            case ImportEventKind.WaitStarted:
                _waits[e.Chain] = new Open(e.Name, e.Timestamp, e.Thread, e.Depth);
                _events.Enqueue(Instant("wait", $"wait for {e.Name}", e));
                break;
            case ImportEventKind.WaitEnded when _waits.TryRemove(e.Chain, out Open wait):
                _events.Enqueue(Span("wait", wait with { Name = $"wait for {wait.Name}" }, e));
                break;
            case ImportEventKind.PartialSameChain:
                _events.Enqueue(Instant("partial", $"partial {e.Name} (same chain)", e));
                break;
            case ImportEventKind.PartialCrossChain:
                _events.Enqueue(Instant("partial", $"partial {e.Name} (handed over)", e));
                break;
            case ImportEventKind.LazyReified:
                _events.Enqueue(Instant("lazy", e.Detail is null ? $"reify {e.Name}" : $"reify {e.Name}.{e.Detail}", e));
                break;
        }
    }

    private TraceEvent Span(string category, Open open, in ImportEvent end) =>
        new('X', category, open.Name, open.Thread, Nanoseconds(open.Start), Nanoseconds(end.Timestamp) - Nanoseconds(open.Start), end.Chain, open.Depth, ErrorText(end.Error));

    private TraceEvent Instant(string category, string name, in ImportEvent e) =>
        new('i', category, name, e.Thread, Nanoseconds(e.Timestamp), 0, e.Chain, e.Depth, ErrorText(e.Error));

    private static string? ErrorText(Exception? error) => error is null ? null : $"{error.GetType().Name}: {error.Message}";

    /// <summary>Nanoseconds since this recorder was made (the trace's time axis); whole numbers, so that nested spans stay nested exactly.</summary>
    private long Nanoseconds(long timestamp) => (long)((timestamp - _origin) * (1_000_000_000.0 / Stopwatch.Frequency));

    /// <summary>The events recorded so far and the names of the threads they came from.</summary>
    public ChromeTrace Snapshot() =>
        new([.. _events], new SortedDictionary<int, string>(_threadNames));
}

/// <summary>One trace event: phase 'X' (complete span) or 'i' (instant). Immutable.</summary>
/// <param name="Phase">'X' or 'i'.</param>
/// <param name="Category">import, wait, partial or lazy.</param>
/// <param name="Name">What the viewer shows.</param>
/// <param name="Thread">The track (managed thread id).</param>
/// <param name="Start">Nanoseconds since the recorder started.</param>
/// <param name="Duration">Nanoseconds (0 for an instant).</param>
/// <param name="Chain">The import chain's id.</param>
/// <param name="Depth">The event's depth (<see cref="ImportEvent.Depth"/>).</param>
/// <param name="Error">The failure's type and message, or null.</param>
public sealed record TraceEvent(char Phase, string Category, string Name, int Thread, long Start, long Duration, long Chain, int Depth, string? Error);

/// <summary>What a <see cref="ChromeTraceRecorder"/> recorded. Immutable.</summary>
public sealed record ChromeTrace(IReadOnlyList<TraceEvent> Events, IReadOnlyDictionary<int, string> ThreadNames);

using System.Collections.Concurrent;
using ActorImport.Diagnostics;

namespace ActorImport.Tests.Diagnostics;

/// <summary>An observer that keeps every event, in arrival order. Thread-safe (a concurrent queue).</summary>
internal sealed class RecordingObserver : IImportObserver
{
    private readonly ConcurrentQueue<ImportEvent> _events = new();

    public IReadOnlyList<ImportEvent> Events => [.. _events];

    public void OnEvent(in ImportEvent e) => _events.Enqueue(e);

    /// <summary>The starts and ends of one chain's imports as "+name@depth" and "-name@depth" ("-name@depth!" for a failure).</summary>
    public static string[] Outline(IEnumerable<ImportEvent> events) =>
        [.. events
            .Where(e => e.Kind is ImportEventKind.ImportStarted or ImportEventKind.ImportFinished)
            .Select(e => $"{(e.Kind == ImportEventKind.ImportStarted ? '+' : '-')}{e.Name}@{e.Depth}{(e.Failed ? "!" : string.Empty)}")];

    public IEnumerable<ImportEvent> OfKind(ImportEventKind kind) => Events.Where(e => e.Kind == kind);
}

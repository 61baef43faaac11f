using System.Text.Json;
using ActorImport.Diagnostics;

namespace ActorImport.Tests.Diagnostics;

/// <summary><see cref="ChromeTraceRecorder"/> and <see cref="ChromeTraceFormat"/> on events with known order: the trace-event JSON object form.</summary>
public sealed class ChromeTraceFormatTests
{
    private static ImportEvent At(ImportEventKind kind, string name, long timestamp, long chain = 1, int depth = 0, Exception? error = null, string? detail = null) =>
        new(kind, name, chain, depth, Environment.CurrentManagedThreadId, timestamp, error, detail);

    [Fact]
    public void SpansInstantsAndTrackNamesAreWrittenInTheTraceEventObjectForm()
    {
        var recorder = new ChromeTraceRecorder();
        long t = System.Diagnostics.Stopwatch.GetTimestamp();
        recorder.OnEvent(At(ImportEventKind.ImportStarted, "a", t + 10));
        recorder.OnEvent(At(ImportEventKind.ImportStarted, "a.b", t + 20, depth: 1));
        recorder.OnEvent(At(ImportEventKind.WaitStarted, "c", t + 30, depth: 2));
        recorder.OnEvent(At(ImportEventKind.WaitEnded, "c", t + 40, depth: 2));
        recorder.OnEvent(At(ImportEventKind.PartialCrossChain, "c", t + 41, depth: 2));
        recorder.OnEvent(At(ImportEventKind.LazyReified, "m", t + 42, depth: 2, detail: "y"));
        recorder.OnEvent(At(ImportEventKind.ImportFinished, "a.b", t + 50, depth: 1, error: new InvalidOperationException("boom")));
        recorder.OnEvent(At(ImportEventKind.ImportStarted, "open", t + 60, chain: 2));
        recorder.OnEvent(At(ImportEventKind.ImportFinished, "a", t + 70));
        using var stream = new MemoryStream();
        ChromeTraceFormat.Write(stream, recorder.Snapshot());
        using JsonDocument trace = JsonDocument.Parse(stream.ToArray());
        JsonElement[] events = [.. trace.RootElement.GetProperty("traceEvents").EnumerateArray()];
        int tid = Environment.CurrentManagedThreadId;
        JsonElement thread = Assert.Single(events, e => e.GetProperty("ph").GetString() == "M" && e.GetProperty("name").GetString() == "thread_name");
        Assert.Equal(tid, thread.GetProperty("tid").GetInt32());
        Assert.Single(events, e => e.GetProperty("ph").GetString() == "M" && e.GetProperty("name").GetString() == "process_name");
        // The still-open import (another chain's) is left out; spans come parent first.
        string[] spans = [.. events.Where(e => e.GetProperty("ph").GetString() == "X").Select(e => e.GetProperty("name").GetString()!)];
        Assert.Equal(["a", "a.b", "wait for c"], spans);
        JsonElement child = events.Single(e => e.GetProperty("name").GetString() == "a.b");
        Assert.Equal("InvalidOperationException: boom", child.GetProperty("args").GetProperty("error").GetString());
        Assert.Equal(1, child.GetProperty("args").GetProperty("depth").GetInt32());
        string[] instants = [.. events.Where(e => e.GetProperty("ph").GetString() == "i").Select(e => e.GetProperty("name").GetString()!)];
        Assert.Equal(["wait for c", "partial c (handed over)", "reify m.y"], instants);
        Assert.All(events.Where(e => e.GetProperty("ph").GetString() == "i"), e => Assert.Equal("t", e.GetProperty("s").GetString()));
        JsonElement parent = events.Single(e => e.GetProperty("name").GetString() == "a");
        Assert.True(parent.GetProperty("ts").GetDecimal() <= child.GetProperty("ts").GetDecimal());
        Assert.True(parent.GetProperty("ts").GetDecimal() + parent.GetProperty("dur").GetDecimal() >= child.GetProperty("ts").GetDecimal() + child.GetProperty("dur").GetDecimal());
    }
}

using System.Diagnostics;
using ActorImport.Diagnostics;

namespace ActorImport.Tests.Diagnostics;

/// <summary>
/// <see cref="ImportTimeRecorder"/> on events with known timestamps: CPython's header and row
/// format (<c>%9d | %10d |</c>, two spaces per depth, microseconds rounded up), self time as the
/// cumulative time less the nested imports', rows as imports complete, one block per thread.
/// </summary>
public sealed class ImportTimeRecorderTests
{
    private static long Us(double microseconds) => (long)Math.Round(microseconds * Stopwatch.Frequency / 1_000_000.0);

    private static ImportEvent Started(string name, int depth, double at, long chain = 1, int thread = 1) =>
        new(ImportEventKind.ImportStarted, name, chain, depth, thread, Us(at));

    private static ImportEvent Finished(string name, int depth, double at, long chain = 1, int thread = 1, Exception? error = null) =>
        new(ImportEventKind.ImportFinished, name, chain, depth, thread, Us(at), error);

    private static string[] Lines(StringWriter output) => output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void RowsAreCPythonsFormatWithSelfAndCumulativeTimesChildrenFirst()
    {
        var output = new StringWriter { NewLine = "\n" };
        var recorder = new ImportTimeRecorder(output);
        ImportEvent[] events =
        [
            Started("json", 0, 0), Started("json.decoder", 1, 10), Started("re", 2, 20), Finished("re", 2, 120),
            Finished("json.decoder", 1, 150), Started("json.encoder", 1, 160), Finished("json.encoder", 1, 1160.5), Finished("json", 0, 2000),
        ];
        foreach (ImportEvent e in events)
        {
            recorder.OnEvent(e);
        }
        recorder.Flush();
        Assert.Equal(
            [
                "import time: self [us] | cumulative | imported package",
                "import time:       100 |        100 |     re",
                "import time:        40 |        140 |   json.decoder",
                "import time:      1001 |       1001 |   json.encoder",
                "import time:       860 |       2000 | json", // 2000 - 140 - 1000.5, rounded up
            ],
            Lines(output));
    }

    [Fact]
    public void AFailedImportHasItsRowAndNothingIsWrittenWithoutImports()
    {
        var output = new StringWriter { NewLine = "\n" };
        var recorder = new ImportTimeRecorder(output);
        recorder.OnEvent(new ImportEvent(ImportEventKind.CacheHit, "sys", 1, 0, 1, Us(1)));
        recorder.Flush();
        Assert.Empty(output.ToString());
        recorder.OnEvent(Started("missing", 0, 0));
        recorder.OnEvent(Finished("missing", 0, 3, error: new InvalidOperationException("no")));
        Assert.Equal(["import time: self [us] | cumulative | imported package", "import time:         3 |          3 | missing"], Lines(output));
    }

    [Fact]
    public void PerThreadEachThreadsRowsAreOneBlockAfterItsMarker()
    {
        var output = new StringWriter { NewLine = "\n" };
        var recorder = new ImportTimeRecorder(output, perThread: true);
        // Two threads interleaved; thread 8's chain starts first, thread 5's block still comes first.
        recorder.OnEvent(Started("b", 0, 0, chain: 2, thread: 8));
        recorder.OnEvent(Started("a", 0, 1, chain: 1, thread: 5));
        recorder.OnEvent(Started("a.x", 1, 2, chain: 1, thread: 5));
        recorder.OnEvent(Finished("b", 0, 4, chain: 2, thread: 8));
        recorder.OnEvent(Finished("a.x", 1, 5, chain: 1, thread: 5));
        recorder.OnEvent(Finished("a", 0, 9, chain: 1, thread: 5));
        recorder.OnEvent(new ImportEvent(ImportEventKind.WaitStarted, "a", 3, 0, 9, Us(2)));
        Assert.Empty(output.ToString());
        recorder.Flush();
        string label = Thread.CurrentThread.Name ?? Environment.CurrentManagedThreadId.ToString();
        Assert.Equal(
            [
                "import time: self [us] | cumulative | imported package",
                ImportTimeRecorder.ThreadMarker + label,
                "import time:         3 |          3 |   a.x",
                "import time:         5 |          8 | a",
                ImportTimeRecorder.ThreadMarker + label,
                "import time:         4 |          4 | b",
                ImportTimeRecorder.ThreadMarker + label,
            ],
            Lines(output));
        Assert.DoesNotContain(Lines(output), l => l.StartsWith(ImportTimeRecorder.ThreadMarker, StringComparison.Ordinal) && l.StartsWith("import time: ", StringComparison.Ordinal));
    }
}

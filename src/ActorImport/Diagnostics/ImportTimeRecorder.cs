using System.Diagnostics;
using System.Globalization;

namespace ActorImport.Diagnostics;

/// <summary>
/// CPython's <c>-X importtime</c> as an <see cref="IImportObserver"/>: a header
/// (<c>import time: self [us] | cumulative | imported package</c>) and, when each import
/// finishes (so children before their parent), the row
/// <c>import time: %9d | %10d | &lt;two spaces per depth&gt;name</c>, in microseconds rounded up
/// as CPython rounds them; self time is the cumulative time less the cumulative times of the
/// imports nested in it. Failed imports get a row too, as in CPython.
/// <para>With <c>perThread</c> false the rows are written as they complete (one importing thread:
/// the output is CPython's). With <c>perThread</c> true the rows of each thread are kept apart
/// and <see cref="Flush"/> writes them as blocks, one per thread in the order of their managed
/// thread ids (threads started in turn come in turn), each after a marker line <c># import time: thread NAME</c>. The marker does not
/// start with <c>import time: </c>, so tools that read the rows (tuna) skip it, and each block
/// is a whole forest (its last row has depth 0).</para>
/// Thread-safety: <see cref="OnEvent"/> may be called from any number of threads; the output
/// writer is used under a lock; call <see cref="Flush"/> once the imports are over.
/// </summary>
public sealed class ImportTimeRecorder : IImportObserver
{
    /// <summary>CPython's header line.</summary>
    public const string Header = "import time: self [us] | cumulative | imported package";

    /// <summary>What starts a thread's block marker.</summary>
    public const string ThreadMarker = "# import time: thread ";

    private readonly TextWriter _output;
    private readonly bool _perThread;
    private readonly ChainStacks<Frame> _open = new();
    private readonly Lock _gate = new();
    private readonly SortedDictionary<int, Block> _blocks = [];
    private bool _headerWritten;

    /// <param name="output">Where the lines go (the CLI: standard error, as CPython).</param>
    /// <param name="perThread">Keep each thread's rows in a block of its own until <see cref="Flush"/>.</param>
    public ImportTimeRecorder(TextWriter output, bool perThread = false)
    {
        _output = output;
        _perThread = perThread;
    }

    /// <summary>An import in progress: when it started and how long the imports nested in it took.</summary>
    private sealed class Frame(long start)
    {
        public long Start { get; } = start;

        public long Nested { get; set; }
    }

    /// <summary>One thread's rows (per-thread mode).</summary>
    private sealed class Block(string label)
    {
        public string Label { get; } = label;

        public List<string> Rows { get; } = [];
    }

    public void OnEvent(in ImportEvent e)
    {
        switch (e.Kind)
        {
            case ImportEventKind.ImportStarted:
                _open.Push(e.Chain, new Frame(e.Timestamp));
                if (_perThread)
                {
                    BlockOf(e.Thread);
                }
                break;
            case ImportEventKind.ImportFinished when _open.TryPop(e.Chain, out Frame? frame):
                long cumulative = e.Timestamp - frame.Start;
                if (_open.TryPeek(e.Chain, out Frame? parent))
                {
                    parent.Nested += cumulative;
                }
                Write(e.Thread, Row(cumulative - frame.Nested, cumulative, e.Depth, e.Name));
                break;
            case ImportEventKind.WaitStarted or ImportEventKind.CacheHit when _perThread:
                // A thread that only waited or read the cache still gets its (empty) block.
                BlockOf(e.Thread);
                break;
        }
    }

    /// <summary>One row, formatted as import.c's <c>fprintf(stderr, "import time: %9ld | %10ld | %*s%s\n", …)</c>.</summary>
    public static string Row(long selfTicks, long cumulativeTicks, int depth, string name) =>
        string.Create(CultureInfo.InvariantCulture, $"import time: {Microseconds(selfTicks),9} | {Microseconds(cumulativeTicks),10} | {new string(' ', depth * 2)}{name}");

    /// <summary>Stopwatch ticks as whole microseconds, rounded up (<c>_PyTime_ROUND_CEILING</c>).</summary>
    private static long Microseconds(long ticks) =>
        ticks <= 0 ? 0 : (long)Math.Ceiling(ticks * 1_000_000.0 / Stopwatch.Frequency);

    private void Write(int thread, string row)
    {
        lock (_gate)
        {
            if (_perThread)
            {
                BlockOf(thread).Rows.Add(row);
                return;
            }
            WriteHeaderOnce();
            _output.WriteLine(row);
        }
    }

    private void WriteHeaderOnce()
    {
        if (!_headerWritten)
        {
            _output.WriteLine(Header);
            _headerWritten = true;
        }
    }

    /// <summary>The block of <paramref name="thread"/>, made on its first event, labelled with the current thread's name (events arrive on the importing thread).</summary>
    private Block BlockOf(int thread)
    {
        lock (_gate)
        {
            if (!_blocks.TryGetValue(thread, out Block? block))
            {
                block = new Block(Thread.CurrentThread.Name ?? thread.ToString(CultureInfo.InvariantCulture));
                _blocks[thread] = block;
            }
            return block;
        }
    }

    /// <summary>Per-thread mode: writes the header and every thread's block; afterwards (and otherwise) flushes the writer.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            if (_perThread && _blocks.Count > 0)
            {
                WriteHeaderOnce();
                foreach (Block block in _blocks.Values)
                {
                    _output.WriteLine(ThreadMarker + block.Label);
                    foreach (string row in block.Rows)
                    {
                        _output.WriteLine(row);
                    }
                    block.Rows.Clear();
                }
                _blocks.Clear();
            }
            _output.Flush();
        }
    }
}

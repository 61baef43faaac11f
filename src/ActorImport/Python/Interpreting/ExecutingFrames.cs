using ActorImport.Model;

namespace ActorImport.Python.Interpreting;

/// <summary>
/// The Python frames executing in each import chain, innermost first: CPython's
/// <c>PyThreadState.frame</c> chain as far as the interpreter knows it. A module body and a
/// call of a Python-defined function each push a frame for as long as they run; an import made
/// by a body runs the imported body on the same chain (the engine executes nested bodies on the
/// importer's thread or async flow), so its frames stack above the importer's. What reads it:
/// <c>warnings.warn</c>'s <c>stacklevel</c>, which attributes a warning to the module of the
/// frame that many levels up (Python/_warnings.c <c>setup_context</c>). The frozen importlib
/// frames between an importer and the imported body are not here: CPython skips them for
/// <c>stacklevel &gt; 1</c> (<c>is_internal_frame</c>), and no frame here is internal.
/// Below the outermost frame is the code that called the import system, which is
/// <see cref="InterpreterOptions.CallerModuleName"/> (<c>__main__</c>, as for <c>python -c</c>).
/// Thread-safety: the current frame is an <see cref="AsyncLocal{T}"/>, so each chain sees only
/// its own stack; frames are immutable except for their current line, written only by the
/// thread running them.
/// </summary>
public sealed class ExecutingFrames
{
    private readonly AsyncLocal<ExecutingFrame?> _top = new();

    /// <summary>
    /// Each exception's traceback, innermost entry first, appended as the exception leaves a frame
    /// (CPython's <c>PyTraceBack_Here</c> when the eval loop unwinds). Weak keys: an exception
    /// nobody holds takes its traceback with it. The table is thread-safe; one exception is
    /// unwound by one chain at a time.
    /// </summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<Exception, List<TracebackEntry>> _tracebacks = new();

    /// <summary>The innermost frame of the calling chain; null when no body is running on it.</summary>
    public ExecutingFrame? Top => _top.Value;

    /// <summary>Pushes a frame whose globals are <paramref name="globals"/>; dispose the result to pop it.</summary>
    internal FramePush Push(ModuleObject globals, string? fileName, int line)
    {
        var frame = new ExecutingFrame(globals, fileName, _top.Value) { Line = line };
        _top.Value = frame;
        return new FramePush(this, frame);
    }

    /// <summary>
    /// Records that <paramref name="exception"/> is leaving <paramref name="frame"/> (named
    /// <paramref name="codeName"/>: <c>&lt;module&gt;</c> or the function's name) at the frame's
    /// current line. Always false, so that it can stand in an exception filter, which runs before
    /// the frame is popped.
    /// </summary>
    internal bool Unwinding(Exception exception, ExecutingFrame? frame, string codeName)
    {
        if (frame is not null)
        {
            List<TracebackEntry> entries = _tracebacks.GetValue(exception, _ => []);
            lock (entries)
            {
                entries.Add(new TracebackEntry(frame.FileName, frame.Line, codeName));
            }
        }
        return false;
    }

    /// <summary>
    /// The frames <paramref name="exception"/> passed through in this interpreter, outermost first
    /// (the order of CPython's "Traceback (most recent call last)"); empty when none is known.
    /// </summary>
    public IReadOnlyList<TracebackEntry> TracebackOf(Exception exception)
    {
        if (!_tracebacks.TryGetValue(exception, out List<TracebackEntry>? entries))
        {
            return [];
        }
        lock (entries)
        {
            return [.. Enumerable.Reverse(entries)];
        }
    }

    /// <summary>Pops <paramref name="frame"/> (the invariant: it is the top of this chain's stack).</summary>
    private void Pop(ExecutingFrame frame) => _top.Value = frame.Back;

    /// <summary>The frame pushed by <see cref="Push"/>, popped when disposed.</summary>
    internal readonly struct FramePush(ExecutingFrames owner, ExecutingFrame frame) : IDisposable
    {
        public ExecutingFrame Frame => frame;

        public void Dispose() => owner.Pop(frame);
    }
}

/// <summary>One executing frame: its globals (whose <c>__name__</c> is the frame's module), file, current line and caller.</summary>
public sealed class ExecutingFrame(ModuleObject globals, string? fileName, ExecutingFrame? back)
{
    public ModuleObject Globals { get; } = globals;

    public string? FileName { get; } = fileName;

    public ExecutingFrame? Back { get; } = back;

    /// <summary>The line being executed (written by the frame's own thread as statements run).</summary>
    public int Line { get; set; }

    /// <summary><c>f_globals['__name__']</c>, or null when the globals have no str <c>__name__</c>.</summary>
    public string? ModuleName => Globals.TryGetAttribute("__name__", out object? name) ? name as string : null;
}

/// <summary>One line of a traceback: the frame's file, the line it was executing and its code name. Immutable.</summary>
public sealed record TracebackEntry(string? FileName, int Line, string CodeName);

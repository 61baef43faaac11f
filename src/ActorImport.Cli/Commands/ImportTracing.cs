using System.CommandLine;
using ActorImport.Diagnostics;

namespace ActorImport.Cli.Commands;

/// <summary>
/// The tracing of <c>actorimport import</c>: <c>--importtime</c> (CPython's <c>-X importtime</c>
/// lines on standard error; with several threads one block per thread, each after a
/// <c># import time: thread NAME</c> line) and <c>--chrome-trace FILE</c> (trace-event JSON for
/// Perfetto, written atomically when the run is over). The engine's metrics and activities
/// (<see cref="ImportTelemetry"/>, meter and source "ActorImport") are always on, so that
/// <c>dotnet-counters</c> and OpenTelemetry see a run. One instance per run, used by the
/// command's thread (the recorders it holds take events from every importing thread).
/// </summary>
internal sealed class ImportTracing : IDisposable
{
    private readonly ImportTimeRecorder? _importTime;
    private readonly ChromeTraceRecorder? _chrome;
    private readonly string? _chromePath;
    private readonly ImportTelemetry _telemetry = new();

    private ImportTracing(ImportTimeRecorder? importTime, ChromeTraceRecorder? chrome, string? chromePath)
    {
        _importTime = importTime;
        _chrome = chrome;
        _chromePath = chromePath;
        Observer = ImportObservers.Combine(_telemetry, _importTime, _chrome)!;
    }

    public static Option<bool> ImportTimeOption() => new("--importtime")
    {
        Description = "print CPython's -X importtime lines on standard error (several threads: one block per thread, after a '# import time: thread NAME' line)",
    };

    public static Option<string?> ChromeTraceOption() => new("--chrome-trace")
    {
        Description = "write a Chrome trace-event JSON file (one track per thread; opens in Perfetto)",
        HelpName = "FILE",
    };

    /// <summary>The observer to give the engine.</summary>
    public IImportObserver Observer { get; }

    /// <summary>
    /// The tracing the switches ask for, or null (the error printed as one line) when the trace
    /// file cannot be written where it is asked to go: checked before the run, so that no import
    /// time is wasted.
    /// </summary>
    public static ImportTracing? Start(bool importTime, string? chromeTrace, bool perThread, TextWriter error)
    {
        string? chromePath = null;
        if (chromeTrace is not null)
        {
            chromePath = Path.GetFullPath(chromeTrace);
            if (Unwritable(chromePath) is string reason)
            {
                error.WriteLine($"actorimport import: cannot write the Chrome trace to '{chromeTrace}': {reason}");
                return null;
            }
        }
        return new ImportTracing(
            importTime ? new ImportTimeRecorder(error, perThread) : null,
            chromePath is null ? null : new ChromeTraceRecorder(),
            chromePath);
    }

    /// <summary>Why a file cannot be created at <paramref name="path"/>, as far as can be seen without writing; null when it looks possible.</summary>
    private static string? Unwritable(string path)
    {
        if (Directory.Exists(path))
        {
            return "it is a directory";
        }
        string? directory = Path.GetDirectoryName(path);
        return directory is not null && !Directory.Exists(directory) ? $"no such directory '{directory}'" : null;
    }

    /// <summary>
    /// After the run: the per-thread importtime blocks, then the trace file (a temporary file in
    /// the same directory renamed over the target, so a reader never sees half a trace). Returns
    /// the exit code the command should end with when writing failed (the error printed), or null.
    /// </summary>
    public int? Finish(TextWriter error)
    {
        _importTime?.Flush();
        if (_chrome is null || _chromePath is null)
        {
            return null;
        }
        string temp = Path.Combine(Path.GetDirectoryName(_chromePath) ?? ".", $".{Path.GetFileName(_chromePath)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                ChromeTraceFormat.Write(stream, _chrome.Snapshot());
            }
            File.Move(temp, _chromePath, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            error.WriteLine($"actorimport import: cannot write the Chrome trace to '{_chromePath}': {e.Message}");
            return CliSettings.ConfigurationError;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A stray temporary file is harmless.
        }
    }

    public void Dispose() => _telemetry.Dispose();
}

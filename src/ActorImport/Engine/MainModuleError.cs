namespace ActorImport.Engine;

/// <summary>
/// An error that stops <c>python FILE</c> or <c>python -m MODULE</c> before the main body runs,
/// printed without a traceback as <c>PROGRAM: message</c> (CPython's <c>runpy._Error</c>, which
/// <c>_run_module_as_main</c> turns into <c>sys.exit(f"{sys.executable}: {exc}")</c>, and
/// <c>pymain_run_file</c>'s "can't open file"). <see cref="ExitCode"/> is CPython's: 1 for
/// runpy's errors, 2 for a file that cannot be opened. Immutable; safe to share.
/// </summary>
public sealed class MainModuleError : Exception
{
    public MainModuleError(string message, int exitCode = 1, Exception? inner = null)
        : base(message, inner)
    {
        ExitCode = exitCode;
    }

    /// <summary>The process exit code CPython uses for this error.</summary>
    public int ExitCode { get; }
}

namespace ActorImport.Python.Interpreting;

/// <summary>
/// PEP 810's lazy object: what <c>lazy import a.b</c> (or an import made lazy by
/// <c>__lazy_modules__</c> or the global mode) binds. <see cref="Resolve"/> performs the import
/// through the import callback on first use and returns the value the eager statement would
/// have bound; later calls return the same object.
/// Thread-safety: any thread may call <see cref="Resolve"/>; exactly one performs the import,
/// the others wait for it (PEP 810: "exactly one thread performs the import and atomically
/// rebinds"). A failed resolution is not cached: the exception reaches that caller, and the next
/// use tries again, as a failed import does.
/// </summary>
public sealed class LazyImportProxy
{
    private readonly Lock _gate = new();
    private readonly Func<object?> _resolve;
    private bool _resolved;
    private object? _value;
    private Thread? _resolver;

    public LazyImportProxy(string moduleName, string? fromName, int line, Func<object?> resolve)
    {
        ModuleName = moduleName;
        FromName = fromName;
        Line = line;
        _resolve = resolve;
    }

    /// <summary>The module named by the statement (as written, relative dots included).</summary>
    public string ModuleName { get; }

    /// <summary>For <c>lazy from m import y</c>, <c>y</c>; null for <c>lazy import m</c>.</summary>
    public string? FromName { get; }

    /// <summary>The line of the lazy import statement.</summary>
    public int Line { get; }

    public bool IsResolved
    {
        get
        {
            lock (_gate)
            {
                return _resolved;
            }
        }
    }

    /// <summary>
    /// True while this thread runs the proxy's own import: the name it stands for is not bound
    /// yet for that import (see <see cref="LazyImports.IsBound"/>); other threads wait in
    /// <see cref="Resolve"/> instead.
    /// </summary>
    public bool IsResolvingOnCurrentThread => ReferenceEquals(Volatile.Read(ref _resolver), Thread.CurrentThread);

    /// <summary>PEP 810's <c>proxy.get()</c>: imports on first call, then returns the same value.</summary>
    public object? Resolve()
    {
        lock (_gate)
        {
            if (!_resolved)
            {
                Volatile.Write(ref _resolver, Thread.CurrentThread);
                try
                {
                    _value = _resolve();
                }
                finally
                {
                    Volatile.Write(ref _resolver, null);
                }
                _resolved = true;
            }
            return _value;
        }
    }

    public override string ToString() => FromName is null ? $"<lazy_import '{ModuleName}'>" : $"<lazy_import '{ModuleName}.{FromName}'>";
}

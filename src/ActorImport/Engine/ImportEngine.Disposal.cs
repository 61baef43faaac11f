namespace ActorImport.Engine;

// Disposal: what imports in flight and later calls see (issue 11, "Faults").
public sealed partial class ImportEngine
{
    private volatile bool _disposed;
    private int _disposeCalls;

    /// <summary>
    /// Disposes the engine: later calls raise <see cref="ObjectDisposedException"/>; an import in
    /// flight ends with one too (a waiter at once, as the coordination releases it; an owner at
    /// its next import or wait), whatever it was doing, with the original failure as the inner
    /// exception. Its actors stop (the actor system too, if it is the engine's own). Idempotent.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposeCalls, 1) != 0)
        {
            return; // disposed already, or being disposed by another thread
        }
        _disposed = true;
        _coordination.Dispose();
        _pathEntries?.Dispose();
        _actors?.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void ThrowIfDisposed()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(ImportEngine), "the import engine has been disposed");
        }
    }

    /// <summary>A failure of an import that was in flight when the engine was disposed (and is not that error already).</summary>
    private bool IsDisposalFailure(Exception error) => _disposed && error is not ObjectDisposedException;

    /// <summary>The clear error an import in flight gets when the engine is disposed under it; what it failed with inside is the inner exception.</summary>
    private static ObjectDisposedException DisposedDuring(Exception inner) =>
        new($"the import engine was disposed while this import was in flight ({inner.GetType().Name}: {inner.Message})", inner);
}

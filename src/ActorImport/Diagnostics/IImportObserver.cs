namespace ActorImport.Diagnostics;

/// <summary>
/// Receives an engine's import events (set <c>ImportEngineOptions.Observer</c>): per import
/// chain, the start and end of every module it finds and loads (with its nesting depth, as
/// CPython's <c>-X importtime</c>), cache hits, waits for another chain's module, partial-module
/// hand-overs, lazy reifications, and failures. Without an observer the engine pays one null
/// check per event point.
/// <para>Thread-safety: <see cref="OnEvent"/> is called on the importing thread, from every
/// importing thread at once, synchronously and in the order of each chain's events (a chain's
/// events never overlap one another); an implementation must be thread-safe across chains, must
/// be quick, and must not import through the same engine. An exception it throws reaches the
/// importer.</para>
/// </summary>
public interface IImportObserver
{
    void OnEvent(in ImportEvent e);
}

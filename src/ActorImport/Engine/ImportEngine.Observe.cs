using System.Diagnostics;
using ActorImport.Diagnostics;
using ActorImport.Model;
using ActorImport.Python.Interpreting;

namespace ActorImport.Engine;

// The event points of ImportEngineOptions.Observer (docs/tracing.md). Every caller checks
// `_options.Observer is not null` first, so an engine without an observer pays that check only.
public sealed partial class ImportEngine
{
    /// <summary>Sends one event, stamped with the chain (0 outside any), its depth, the thread and the time.</summary>
    private void Observe(ImportEventKind kind, string name, ImportChain? chain, Exception? error = null, string? detail = null) =>
        _options.Observer!.OnEvent(new ImportEvent(kind, name, chain?.Id ?? 0, chain?.ObservedDepth ?? 0, Environment.CurrentManagedThreadId, Stopwatch.GetTimestamp(), error, detail));

    /// <summary>
    /// <see cref="FindAndLoadCold"/> between ImportStarted and ImportFinished (with the error, if
    /// any), one level deeper in the chain: import.c's <c>import_find_and_load</c> timing.
    /// </summary>
    private object? ObservedFindAndLoad(string name, ImportChain chain)
    {
        int depth = chain.ObservedDepth;
        Observe(ImportEventKind.ImportStarted, name, chain);
        chain.ObservedDepth = depth + 1;
        object? value;
        try
        {
            value = FindAndLoadCold(name, chain);
        }
        catch (Exception error)
        {
            chain.ObservedDepth = depth;
            Observe(ImportEventKind.ImportFinished, name, chain, error);
            throw;
        }
        chain.ObservedDepth = depth;
        Observe(ImportEventKind.ImportFinished, name, chain);
        return value;
    }

    /// <summary><see cref="ObservedFindAndLoad"/> for <see cref="FindAndLoadColdAsync"/>.</summary>
    private async Task<object?> ObservedFindAndLoadAsync(string name, ImportChain chain, CancellationToken cancellationToken)
    {
        int depth = chain.ObservedDepth;
        Observe(ImportEventKind.ImportStarted, name, chain);
        chain.ObservedDepth = depth + 1;
        object? value;
        try
        {
            value = await FindAndLoadColdAsync(name, chain, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            chain.ObservedDepth = depth;
            Observe(ImportEventKind.ImportFinished, name, chain, error);
            throw;
        }
        chain.ObservedDepth = depth;
        Observe(ImportEventKind.ImportFinished, name, chain);
        return value;
    }

    /// <summary><see cref="AwaitAttempt"/> between WaitStarted and WaitEnded (with the attempt's error, or the time-out).</summary>
    private ClaimReply ObservedAwaitAttempt(string name, ImportChain chain, Task<ClaimReply> pending)
    {
        Observe(ImportEventKind.WaitStarted, name, chain);
        ClaimReply reply;
        try
        {
            reply = AwaitAttempt(name, chain, pending);
        }
        catch (Exception error)
        {
            Observe(ImportEventKind.WaitEnded, name, chain, error);
            throw;
        }
        Observe(ImportEventKind.WaitEnded, name, chain, reply.Error);
        return reply;
    }

    /// <summary><see cref="ObservedAwaitAttempt"/> for <see cref="AwaitAttemptAsync"/>.</summary>
    private async Task<ClaimReply> ObservedAwaitAttemptAsync(string name, ImportChain chain, Task<ClaimReply> pending, CancellationToken cancellationToken)
    {
        Observe(ImportEventKind.WaitStarted, name, chain);
        ClaimReply reply;
        try
        {
            reply = await AwaitAttemptAsync(name, chain, pending, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            Observe(ImportEventKind.WaitEnded, name, chain, error);
            throw;
        }
        Observe(ImportEventKind.WaitEnded, name, chain, reply.Error);
        return reply;
    }

    /// <summary>A Partial reply: the chain's own module (same-chain cycle) or another chain's, handed over.</summary>
    private void ObservePartial(string name, ImportChain chain)
    {
        bool own = _map.TryGetEntry(name, out ModuleEntry? entry) && ReferenceEquals(entry!.Owner, chain);
        Observe(own ? ImportEventKind.PartialSameChain : ImportEventKind.PartialCrossChain, name, chain);
    }

    /// <summary>A module armed by <see cref="LazyLoader"/> reports its reification (on whichever chain touches it first).</summary>
    private void ObserveLazy(ModuleObject module)
    {
        if (module is LazyModule { IsPending: true } lazy)
        {
            lazy.Reifying = reified => Observe(ImportEventKind.LazyReified, reified, CurrentChain);
        }
    }

    /// <summary>A PEP 810 lazy binding is being resolved by the body or reader that touched it.</summary>
    void IImportCallback.LazyImportReifying(string moduleName, string? fromName)
    {
        if (_options.Observer is not null)
        {
            Observe(ImportEventKind.LazyReified, moduleName, CurrentChain, detail: fromName);
        }
    }
}

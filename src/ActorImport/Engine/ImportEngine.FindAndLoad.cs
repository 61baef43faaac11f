using ActorImport.Diagnostics;
using ActorImport.Discovery;
using ActorImport.Loading;
using ActorImport.Model;
using ActorImport.Python.Interpreting.Values;

namespace ActorImport.Engine;

// _bootstrap._find_and_load, _find_and_load_unlocked and _load_unlocked over the coordination.
public sealed partial class ImportEngine
{
    /// <summary>
    /// <c>_find_and_load(name)</c> for an absolute name, in <paramref name="chain"/>:
    /// 1. Fast path: a ready entry is returned without a message (None → "halted"); an entry
    ///    this chain is initialising is the partial module at once (same-chain cycle).
    /// 2. Parent first (gh-83065): a missing parent is imported, and one another chain is
    ///    initialising is waited for (gh-130094), before the child is claimed, so a chain never
    ///    waits for a parent while holding a child.
    /// 3. Claim; then own, wait, take the partial module, or raise the attempt's error.
    /// </summary>
    internal object? FindAndLoad(string name, ImportChain chain)
    {
        ThrowIfDisposed();
        if (TryPublished(name, chain, out object? published))
        {
            return published;
        }
        // An observed import is one that finds and loads: not a module another chain is initialising.
        return _options.Observer is not null && !_map.ContainsKey(name) ? ObservedFindAndLoad(name, chain) : FindAndLoadCold(name, chain);
    }

    /// <summary>Steps 2 and 3 of <see cref="FindAndLoad"/>.</summary>
    private object? FindAndLoadCold(string name, ImportChain chain)
    {
        if (!_map.ContainsKey(name) && ParentOf(name) is string parent && ParentPending(parent, chain))
        {
            EnsureStack();
            FindAndLoad(parent, chain);
            if (TryReady(name, out object? loaded))
            {
                return loaded;
            }
        }
        ClaimReply reply = _coordination.Claim(name, chain);
        while (reply.Kind == ClaimKind.Wait)
        {
            reply = _options.Observer is null ? AwaitAttempt(name, chain, reply.Pending!) : ObservedAwaitAttempt(name, chain, reply.Pending!);
        }
        return reply.Kind == ClaimKind.Own ? LoadClaimed(name, chain, reply.Nested) : Conclude(name, chain, reply);
    }

    /// <summary><see cref="FindAndLoad"/> whose waits (for parents' and the module's other owners) block no thread.</summary>
    internal Task<object?> FindAndLoadAsync(string name, ImportChain chain, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        if (TryPublished(name, chain, out object? published))
        {
            return Task.FromResult(published);
        }
        return _options.Observer is not null && !_map.ContainsKey(name) ? ObservedFindAndLoadAsync(name, chain, cancellationToken) : FindAndLoadColdAsync(name, chain, cancellationToken);
    }

    /// <summary>Steps 2 and 3 of <see cref="FindAndLoadAsync"/>.</summary>
    private async Task<object?> FindAndLoadColdAsync(string name, ImportChain chain, CancellationToken cancellationToken)
    {
        if (!_map.ContainsKey(name) && ParentOf(name) is string parent && ParentPending(parent, chain))
        {
            await FindAndLoadAsync(parent, chain, cancellationToken).ConfigureAwait(false);
            if (TryReady(name, out object? loaded))
            {
                return loaded;
            }
        }
        ClaimReply reply = await _coordination.ClaimAsync(name, chain).ConfigureAwait(false);
        while (reply.Kind == ClaimKind.Wait)
        {
            reply = await (_options.Observer is null ? AwaitAttemptAsync(name, chain, reply.Pending!, cancellationToken) : ObservedAwaitAttemptAsync(name, chain, reply.Pending!, cancellationToken)).ConfigureAwait(false);
        }
        return reply.Kind == ClaimKind.Own ? LoadClaimed(name, chain, reply.Nested) : Conclude(name, chain, reply);
    }

    /// <summary>
    /// Step 1 of <see cref="FindAndLoad"/>, without a message: a ready entry (None is "halted"),
    /// or the partial module this chain is initialising itself (a same-chain cycle).
    /// </summary>
    private bool TryPublished(string name, ImportChain chain, out object? value)
    {
        value = null;
        if (!_map.TryGetEntry(name, out ModuleEntry? entry))
        {
            return false;
        }
        if (entry!.Owner is null)
        {
            if (_options.Observer is not null)
            {
                Observe(ImportEventKind.CacheHit, name, chain);
            }
            value = ReadyValue(name, entry.Value);
            return true;
        }
        if (ReferenceEquals(entry.Owner, chain))
        {
            Statistics.SameChainPartial();
            if (_options.Observer is not null)
            {
                Observe(ImportEventKind.PartialSameChain, name, chain);
            }
            value = entry.Value;
            return true;
        }
        return false;
    }

    /// <summary>
    /// Whether the parent must be imported (or waited for) before the child is claimed: it is
    /// absent, or another chain is initialising it (gh-130094: a parent's body may store the child
    /// in <c>sys.modules</c> itself, as <c>collections</c> stores <c>collections.abc</c>, so the
    /// child is looked for only once the parent is done; a wait that would close a cycle gets the
    /// partial parent instead). A parent this chain is initialising is its own partial module.
    /// </summary>
    private bool ParentPending(string parent, ImportChain chain) =>
        !_map.TryGetEntry(parent, out ModuleEntry? entry) || (entry!.Owner is not null && !ReferenceEquals(entry.Owner, chain));

    /// <summary>The value of a ready entry of <paramref name="name"/> (see <see cref="ReadyValue"/>); false when absent or initialising.</summary>
    private bool TryReady(string name, out object? value)
    {
        if (_map.TryGetEntry(name, out ModuleEntry? entry) && entry!.Owner is null)
        {
            value = ReadyValue(name, entry.Value);
            return true;
        }
        value = null;
        return false;
    }

    /// <summary>A reply that needs no loading: Ready, Partial, or Failed (the attempt's own exception, gh-143650).</summary>
    private object? Conclude(string name, ImportChain chain, ClaimReply reply)
    {
        if (reply.Kind == ClaimKind.Partial && _options.Observer is not null)
        {
            ObservePartial(name, chain);
        }
        return Conclude(name, reply);
    }

    private static object? Conclude(string name, ClaimReply reply) => reply.Kind switch
    {
        ClaimKind.Ready => ReadyValue(name, reply.Value),
        ClaimKind.Partial => reply.Value,
        ClaimKind.Failed => throw reply.Error!,
        _ => throw new InvalidOperationException($"claim of '{name}' concluded with {reply.Kind}"),
    };

    /// <summary>Waits for the attempt <paramref name="chain"/> was told to wait for; a chain that gives up (timed out) leaves the wait-for graph first.</summary>
    private ClaimReply AwaitAttempt(string name, ImportChain chain, Task<ClaimReply> pending)
    {
        if (!pending.Wait(_options.ImportWait))
        {
            _coordination.Abandon(name, chain, pending);
            throw WaitTimedOut(name);
        }
        return pending.Result;
    }

    /// <summary>As <see cref="AwaitAttempt"/>; a cancelled wait also leaves the graph (the owner goes on), then raises OperationCanceledException.</summary>
    private async Task<ClaimReply> AwaitAttemptAsync(string name, ImportChain chain, Task<ClaimReply> pending, CancellationToken cancellationToken)
    {
        try
        {
            return await pending.WaitAsync(_options.ImportWait, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _coordination.Abandon(name, chain, pending);
            throw WaitTimedOut(name);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _coordination.Abandon(name, chain, pending);
            throw;
        }
    }

    private ImportError WaitTimedOut(string name) =>
        new($"timed out after {_options.ImportWait} waiting for another chain to initialise {PythonRepr.Str(name)} (actor-import.timeouts.import-wait)", name);

    /// <summary>A ready entry's value: None is CPython's "import of X halted"; a pending lazy module is loaded, as CPython's fast path reading <c>__spec__</c> forces it.</summary>
    private static object? ReadyValue(string name, object? value)
    {
        if (value is null)
        {
            throw new ModuleNotFoundError($"import of {name} halted; None in sys.modules", name);
        }
        if (value is LazyModule { IsPending: true } lazy)
        {
            lazy.EnsureLoaded();
        }
        return value;
    }

    /// <summary>The owner's part: load, then report Finished with the value or the error (unless nested).</summary>
    private object? LoadClaimed(string name, ImportChain chain, bool nested)
    {
        object? value;
        try
        {
            value = FindAndLoadUnlocked(name, chain);
        }
        // Cleanup in exception filters that never catch, innermost level first as a catch-and-
        // rethrow would run them: one dispatch unwinds a whole chain (a rethrow per level nests
        // a dispatch per level on the stack; see ImportEngine.Depth.cs).
        catch (Exception error) when (ReportFailed(name, chain, nested, error))
        {
            throw new InvalidOperationException("unreachable: the filter never catches");
        }
        if (!nested)
        {
            _coordination.Finished(name, chain, ClaimReply.Ready(value));
        }
        return value;
    }

    /// <summary>
    /// <c>_find_and_load_unlocked</c> with the claim held:
    /// 1. The parent is in <c>sys.modules</c> (imported before the claim; imported again if it
    ///    vanished); if its body imported this module meanwhile, that module is the answer.
    /// 2. The parent's <c>__path__</c> is the search path, else "… is not a package".
    /// 3. Find the spec on the meta path; none is "No module named"; a module stored in
    ///    <c>sys.modules</c> meanwhile is the answer.
    /// 4. Load (publish, execute, re-read), bind on the parent BEFORE clearing the initialising
    ///    mark (gh-149728: nobody sees a ready child missing from its parent), clear the mark.
    /// </summary>
    private object? FindAndLoadUnlocked(string name, ImportChain chain)
    {
        string? parent = ParentOf(name);
        IReadOnlyList<string>? path = null;
        if (parent is not null)
        {
            if (!_map.ContainsKey(parent))
            {
                FindAndLoad(parent, chain);
            }
            if (TryReady(name, out object? now))
            {
                return now;
            }
            _map.TryGetEntry(parent, out ModuleEntry? parentEntry);
            path = SearchLocations(parentEntry?.Value)
                ?? throw new ModuleNotFoundError($"No module named {PythonRepr.Str(name)}; {PythonRepr.Str(parent)} is not a package", name);
        }
        ModuleSpec spec = SpecFinder.FindSpecOnMetaPath(_state, name, path) ?? throw ModuleNotFoundError.NoModuleNamed(name);
        // _find_spec answers with sys.modules[name].__spec__ when a body stored the module while
        // we searched (importlib/__init__ stores its frozen _bootstrap_external that way, and a
        // chain handed the partial importlib can get here meanwhile): that module is the answer,
        // as _find_and_load_unlocked's own sys.modules check would have found a moment later.
        // Loading it again would publish it under its spec's other name.
        if (TryReady(name, out object? stored))
        {
            return stored;
        }
        object? module = LoadUnlocked(spec, chain);
        if (parent is not null)
        {
            BindOnParent(parent, name[(parent.Length + 1)..], module);
        }
        _map.MarkReady(name, chain);
        return module;
    }

    /// <summary>
    /// <c>_load_unlocked(spec)</c>: <c>module_from_spec</c>; publish as initialising; run the
    /// loader (a loader-less spec is a namespace package, or 'missing loader'); on any failure
    /// remove the entry (submodules it imported stay) and re-raise; on success move the entry
    /// to the end and return what it holds now (a body may have replaced itself; a body that
    /// removed itself is CPython's KeyError).
    /// </summary>
    private object? LoadUnlocked(ModuleSpec spec, ImportChain chain)
    {
        ModuleObject module = ImportUtil.ModuleFromSpec(spec);
        _map.PublishInitializing(spec.Name, module, chain);
        try
        {
            if (spec.Loader is null)
            {
                if (spec.SubmoduleSearchLocations is null)
                {
                    throw new ImportError("missing loader", spec.Name);
                }
            }
            else
            {
                using (EnterBody(spec.Name))
                {
                    ExecBody(spec.Loader, module);
                }
                if (_options.Observer is not null)
                {
                    ObserveLazy(module);
                }
            }
        }
        catch (Exception) when (RemoveFailed(spec.Name))
        {
        }
        if (!_map.TryMoveToEnd(spec.Name, out object? value))
        {
            throw new PythonException("KeyError", PythonRepr.Str(spec.Name));
        }
        return value;
    }

    /// <summary>A failed attempt's Finished (unless nested), from an exception filter; always false.</summary>
    private bool ReportFailed(string name, ImportChain chain, bool nested, Exception error)
    {
        if (!nested)
        {
            _coordination.Finished(name, chain, ClaimReply.Failed(error));
        }
        return false;
    }

    /// <summary>A failed load leaves <c>sys.modules</c>, from an exception filter; always false.</summary>
    private bool RemoveFailed(string name)
    {
        _map.Remove(name);
        return false;
    }

    /// <summary><c>setattr(sys.modules[parent], child, module)</c>; a parent that cannot take it is skipped (CPython warns).</summary>
    private void BindOnParent(string parent, string child, object? module)
    {
        if (_map.TryGetEntry(parent, out ModuleEntry? entry) && entry!.Value is ModuleObject parentModule)
        {
            parentModule.SetAttribute(child, module);
        }
    }

    /// <summary>
    /// A module's <c>__path__</c> as the finders' path argument, or null when it has none (not a
    /// package): the object itself when it is a list of strings (CPython passes
    /// <c>parent.__path__</c> as is), otherwise a snapshot of its strings.
    /// </summary>
    internal static IReadOnlyList<string>? SearchLocations(object? module)
    {
        if (module is not ModuleObject m || !m.TryGetAttribute("__path__", out object? value))
        {
            return null;
        }
        return value switch
        {
            IReadOnlyList<string> list => list,
            IEnumerable<string> strings => [.. strings],
            IEnumerable<object?> items => [.. items.OfType<string>()],
            PyTuple tuple => [.. tuple.Items.OfType<string>()],
            _ => [],
        };
    }

    /// <summary><c>name.rpartition('.')[0]</c> when it is not empty (CPython tests <c>if parent:</c>, so '.a' has no parent).</summary>
    internal static string? ParentOf(string name)
    {
        int dot = name.LastIndexOf('.');
        return dot <= 0 ? null : name[..dot];
    }
}

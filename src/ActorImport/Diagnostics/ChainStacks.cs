using System.Collections.Concurrent;

namespace ActorImport.Diagnostics;

/// <summary>
/// One stack per import chain: what the observers keep of the imports a chain has started and
/// not yet finished. Thread-safety: the map is concurrent; each chain's stack is touched only by
/// that chain's own events, which never overlap (<see cref="IImportObserver"/>). An emptied stack
/// is dropped, so finished chains cost nothing.
/// </summary>
internal sealed class ChainStacks<T>
{
    private readonly ConcurrentDictionary<long, Stack<T>> _stacks = new();

    public void Push(long chain, T item) => _stacks.GetOrAdd(chain, static _ => new Stack<T>()).Push(item);

    /// <summary>The chain's innermost item, removed; false when it has none (a start this observer did not see).</summary>
    public bool TryPop(long chain, out T item)
    {
        if (_stacks.TryGetValue(chain, out Stack<T>? stack) && stack.TryPop(out item!))
        {
            if (stack.Count == 0)
            {
                _stacks.TryRemove(chain, out _);
            }
            return true;
        }
        item = default!;
        return false;
    }

    /// <summary>The chain's innermost item, left in place.</summary>
    public bool TryPeek(long chain, out T item)
    {
        if (_stacks.TryGetValue(chain, out Stack<T>? stack) && stack.TryPeek(out item!))
        {
            return true;
        }
        item = default!;
        return false;
    }
}

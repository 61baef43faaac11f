using ActorImport.Model;

namespace ActorImport.Discovery;

/// <summary>
/// What one path entry answered for one name: a spec (with a loader, or a namespace portion),
/// nothing, or the exception its hook or finder raised. Immutable message.
/// </summary>
public sealed record PathEntryAnswer(ModuleSpec? Spec, Exception? Error = null)
{
    public static readonly PathEntryAnswer None = new((ModuleSpec?)null);
}

/// <summary>
/// The transport by which <see cref="PathFinder"/> asks every path entry at once: one
/// <see cref="PathEntryAnswer"/> per entry, in any completion order. The path finder merges
/// them in path order, so the transport never decides which spec wins. Implementations must be
/// safe to call from any thread.
/// </summary>
public interface IPathEntryAsker
{
    Task<PathEntryAnswer> AskAsync(string entry, string fullname, ModuleObject? target);
}

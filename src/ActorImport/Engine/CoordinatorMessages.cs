namespace ActorImport.Engine;

/// <summary>A chain claims a module (the one Ask of an uncontended cold import); replied with a <see cref="ClaimReply"/>.</summary>
internal sealed record Claim(string Name, ImportChain Chain, bool Fresh);

/// <summary>The owner finished its attempt (a Tell); <see cref="Result"/> is Ready or Failed.</summary>
internal sealed record Finished(string Name, ImportChain Chain, ClaimReply Result);

/// <summary><c>sys.modules[name] = value</c> through the coordinator; replied with <c>true</c>.</summary>
internal sealed record SetModule(string Name, object? Value);

/// <summary><c>del sys.modules[name]</c> through the coordinator; replied with whether it was present.</summary>
internal sealed record RemoveModule(string Name);

/// <summary>Diagnostics: how many module actors are alive (the coordinator's children); replied with an int.</summary>
internal sealed record CountModuleActors
{
    public static CountModuleActors Instance { get; } = new();
}

/// <summary>To a module actor: hold this waiter until the attempt finishes.</summary>
internal sealed record HoldWaiter(TaskCompletionSource<ClaimReply> Waiter);

/// <summary>To a module actor: the attempt finished; reply to every waiter with <see cref="Result"/>, then stop.</summary>
internal sealed record Release(ClaimReply Result);

/// <summary>A waiter of <see cref="Name"/>'s attempt left before it ended (cancelled, timed out): forget its edge and its task (a Tell).</summary>
internal sealed record AbandonWait(string Name, ImportChain Chain, Task<ClaimReply> Pending);

/// <summary>To a module actor: forget this waiter (it left); its task is never completed by the attempt.</summary>
internal sealed record DropWaiter(Task<ClaimReply> Pending);

/// <summary>Diagnostics and tests: the coordinator's bookkeeping; replied with a <see cref="CoordinationCounts"/>.</summary>
internal sealed record CountClaims
{
    public static CountClaims Instance { get; } = new();
}

/// <summary>
/// A test hook (fault injection): the receiving actor throws <see cref="Error"/> from its message
/// handler, so that its supervisor restarts it. Sent to the coordinator, it is thrown there, or,
/// with <see cref="ModuleName"/>, forwarded to that module's actor (if any) and thrown there.
/// Never sent by the engine itself.
/// </summary>
internal sealed record InjectFault(Exception Error, string? ModuleName = null);

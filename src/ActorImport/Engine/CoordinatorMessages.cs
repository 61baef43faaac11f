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

using Akka.Actor;
using Akka.Configuration;

namespace ActorImport.Engine;

/// <summary>
/// The one place an engine gets its <see cref="ActorSystem"/>: the host's, when it passes one in
/// (the engine then never terminates it), or its own, created with <see cref="DefaultConfig"/>
/// (a dedicated dispatcher, logging off) and terminated on dispose. Import actors run on
/// <see cref="Dispatcher"/>, so threads blocked in a synchronous import never starve the actors
/// that would release them. Thread-safety: immutable after construction; dispose once.
/// </summary>
public sealed class EngineActorSystem : IDisposable, IAsyncDisposable
{
    /// <summary>The dispatcher import actors run on, when the system declares it.</summary>
    public const string DispatcherId = "actor-import-dispatcher";

    /// <summary>Configuration of an engine-owned system.</summary>
    public const string DefaultConfig = """
        akka {
          loglevel = OFF
          stdout-loglevel = OFF
          log-dead-letters = off
          log-dead-letters-during-shutdown = off
          log-config-on-start = off
        }
        actor-import-dispatcher {
          type = ForkJoinDispatcher
          throughput = 30
          dedicated-thread-pool {
            thread-count = 4
            threadtype = background
          }
        }
        """;

    private static readonly TimeSpan TerminateTimeout = TimeSpan.FromSeconds(10);

    /// <param name="host">The host's system, or null to create one of the engine's own.</param>
    public EngineActorSystem(ActorSystem? host = null)
    {
        IsOwned = host is null;
        System = host ?? ActorSystem.Create($"actor-import-{Guid.NewGuid():N}", ConfigurationFactory.ParseString(DefaultConfig));
        Dispatcher = System.Dispatchers.HasDispatcher(DispatcherId) ? DispatcherId : "akka.actor.default-dispatcher";
    }

    public ActorSystem System { get; }

    /// <summary>True when the engine created <see cref="System"/> and terminates it.</summary>
    public bool IsOwned { get; }

    /// <summary>The dispatcher id given to every import actor's props.</summary>
    public string Dispatcher { get; }

    public void Dispose()
    {
        if (IsOwned)
        {
            System.Terminate().Wait(TerminateTimeout);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (IsOwned)
        {
            await System.Terminate().WaitAsync(TerminateTimeout).ConfigureAwait(false);
        }
    }
}

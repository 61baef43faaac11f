using ActorImport.Configuration;
using Akka.Actor;

namespace ActorImport.Bench.Actors;

/// <summary>
/// The actor system every actor suite measures: the engine's own, made from the repository's
/// akka.hocon (so the actors run on its <c>actor-import-dispatcher</c>). For comparison a suite
/// may put its actors on Akka's default dispatcher (the .NET thread pool) or on one with
/// Akka's <c>channel-executor</c> (the thread pool, with priorities), declared here by a
/// <c>--set</c> over the file. Stateless.
/// </summary>
internal static class BenchSystem
{
    /// <summary>The dispatchers a suite can be asked to run on.</summary>
    public const string Import = "import", Default = "default", Channel = "channel";

    private const string ChannelDispatcherId = "akka.actor.bench-channel-dispatcher";

    public static ImportActorSystem Create(string name) =>
        ImportActorSystem.Create(ActorImportConfiguration.Build(
            ActorImportConfiguration.LocateDefaultFile(),
            ["--set", ChannelDispatcherId + "={ type = Dispatcher, executor = channel-executor, throughput = 30 }"]), name);

    /// <summary>Props on the dispatcher named by <paramref name="dispatcher"/> (<see cref="Import"/>, <see cref="Default"/> or <see cref="Channel"/>).</summary>
    public static Props On(this Props props, ImportActorSystem system, string dispatcher) => props.WithDispatcher(dispatcher switch
    {
        Import => system.DispatcherId,
        Channel => ChannelDispatcherId,
        _ => "akka.actor.default-dispatcher",
    });
}

// Thread-safety of every actor here: its fields are touched only by its own OnReceive, which Akka
// runs on one thread at a time; the events it signals are thread-safe.

/// <summary>Counts messages and sets an event after every <c>batch</c> of them (one benchmark invocation).</summary>
internal sealed class CountingActor(int batch, ManualResetEventSlim done) : UntypedActor
{
    private long _count;

    protected override void OnReceive(object message)
    {
        if (++_count % batch == 0)
        {
            done.Set();
        }
    }
}

/// <summary>Replies to every message with the message itself.</summary>
internal sealed class EchoActor : UntypedActor
{
    protected override void OnReceive(object message) => Sender.Tell(message, Self);
}

/// <summary>
/// One side of a ping-pong pair (Akka.NET's PingPong benchmark): on "run" sends
/// <c>inFlight</c> messages to its destination, answers every echo with another message until
/// <c>repeat</c> were sent, and signals when <c>repeat</c> echoes came back.
/// </summary>
internal sealed class PingActor(IActorRef destination, int repeat, int inFlight, CountdownEvent done) : UntypedActor
{
    public static readonly object Ball = new();
    private int _sent;
    private int _received;

    protected override void OnReceive(object message)
    {
        if (ReferenceEquals(message, Ball))
        {
            if (_sent < repeat)
            {
                destination.Tell(Ball, Self);
                _sent++;
            }
            if (++_received == repeat)
            {
                done.Signal();
            }
        }
        else
        {
            _sent = _received = 0;
            for (int i = 0; i < Math.Min(inFlight, repeat); i++)
            {
                destination.Tell(Ball, Self);
                _sent++;
            }
        }
    }
}

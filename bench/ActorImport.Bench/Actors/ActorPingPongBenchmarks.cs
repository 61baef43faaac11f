using ActorImport.Configuration;
using Akka.Actor;
using BenchmarkDotNet.Attributes;

namespace ActorImport.Bench.Actors;

/// <summary>
/// Sixteen actors in eight ping-pong pairs (Akka.NET's PingPong benchmark) on akka.hocon's
/// import dispatcher: each pair bounces <see cref="InFlight"/> messages at a time until each side
/// sent <see cref="Repeat"/>. The time is per message (both directions are counted). The floor
/// is the same sixteen parties on bare channels.
/// Thread-safety: BenchmarkDotNet calls it from one thread; the actors follow actor rules.
/// </summary>
[Config(typeof(BenchConfig))]
public class ActorPingPongBenchmarks
{
    private const int Pairs = 8;
    private const int Repeat = 50_000;
    private const int Messages = Pairs * Repeat * 2;
    private static readonly object Run = new();
    private readonly CountdownEvent _done = new(Pairs);
    private readonly List<ChannelFloor> _floors = [];
    private ImportActorSystem _system = null!;
    private IActorRef[] _clients = null!;
    private ChannelFloor[] _floorClients = null!;

    [Params(1, 1000)]
    public int InFlight { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _system = BenchSystem.Create("bench-ping-pong");
        _clients = new IActorRef[Pairs];
        _floorClients = new ChannelFloor[Pairs];
        for (int p = 0; p < Pairs; p++)
        {
            IActorRef destination = _system.System.ActorOf(Props.Create(() => new EchoActor()).On(_system, BenchSystem.Import));
            _clients[p] = _system.System.ActorOf(Props.Create(() => new PingActor(destination, Repeat, InFlight, _done)).On(_system, BenchSystem.Import));
            _floorClients[p] = FloorPair();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _floors.ForEach(floor => floor.Dispose());
        _system.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public void Floor()
    {
        _done.Reset();
        foreach (ChannelFloor client in _floorClients)
        {
            client.Tell(Run);
        }
        _done.Wait();
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public void Akka()
    {
        _done.Reset();
        foreach (IActorRef client in _clients)
        {
            client.Tell(Run, ActorRefs.NoSender);
        }
        _done.Wait();
    }

    /// <summary>The same pair on channels: same counters, same pattern (the echo knows its one client).</summary>
    private ChannelFloor FloorPair()
    {
        ChannelFloor? client = null;
        var destination = new ChannelFloor(message => client!.Tell(message));
        int sent = 0, received = 0;
        object ball = PingActor.Ball;
        client = new ChannelFloor(message =>
        {
            if (ReferenceEquals(message, ball))
            {
                if (sent < Repeat)
                {
                    destination.Tell(ball);
                    sent++;
                }
                if (++received == Repeat)
                {
                    _done.Signal();
                }
            }
            else
            {
                sent = received = 0;
                for (int i = 0; i < Math.Min(InFlight, Repeat); i++)
                {
                    destination.Tell(ball);
                    sent++;
                }
            }
        });
        _floors.Add(destination);
        _floors.Add(client);
        return client;
    }
}

using ActorImport.Actors;
using BenchmarkDotNet.Attributes;

namespace ActorImport.Bench.Actors;

/// <summary>
/// Sixteen actors in eight ping-pong pairs (Akka.NET's PingPong benchmark): each pair bounces
/// <see cref="InFlight"/> messages at a time until each side sent <see cref="Repeat"/>. The time
/// is per message (both directions are counted).
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
    private ActorSystem _system = null!;
    private IActorRef[] _clients = null!;
    private FloorMailbox[] _floorClients = null!;

    [Params(1, 1000)]
    public int InFlight { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench");
        _clients = new IActorRef[Pairs];
        _floorClients = new FloorMailbox[Pairs];
        for (int p = 0; p < Pairs; p++)
        {
            IActorRef destination = _system.ActorOf(Props.Create(() => new EchoActor()));
            _clients[p] = _system.ActorOf(Props.Create(() => new PingActor(destination, Repeat, InFlight, _done)));
            _floorClients[p] = FloorPair();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public void Floor()
    {
        _done.Reset();
        foreach (FloorMailbox client in _floorClients)
        {
            client.Tell(Run);
        }
        _done.Wait();
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public void Kernel()
    {
        _done.Reset();
        foreach (IActorRef client in _clients)
        {
            client.Tell(Run);
        }
        _done.Wait();
    }

    /// <summary>The same pair on the floor mailbox: same counters, same pattern.</summary>
    private FloorMailbox FloorPair()
    {
        var destination = new FloorMailbox((message, sender) => sender!.Tell(message));
        int sent = 0, received = 0;
        FloorMailbox? client = null;
        object ball = new();
        client = new FloorMailbox((message, _) =>
        {
            if (ReferenceEquals(message, ball))
            {
                if (sent < Repeat)
                {
                    destination.Tell(ball, client);
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
                    destination.Tell(ball, client);
                    sent++;
                }
            }
        });
        return client;
    }
}

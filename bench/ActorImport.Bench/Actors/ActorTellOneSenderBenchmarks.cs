using ActorImport.Actors;
using BenchmarkDotNet.Attributes;

namespace ActorImport.Bench.Actors;

/// <summary>
/// One sender thread tells one actor a million messages; the time is per message.
/// Thread-safety: BenchmarkDotNet calls it from one thread; the senders only Tell.
/// </summary>
[Config(typeof(BenchConfig))]
public class ActorTellOneSenderBenchmarks
{
    private const int Messages = 1_000_000;
    private static readonly object Message = new();
    private readonly ManualResetEventSlim _done = new();
    private ActorSystem _system = null!;
    private IActorRef _actor = null!;
    private FloorMailbox _floor = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench");
        _actor = _system.ActorOf(Props.Create(() => new CountingActor(Messages, _done)));
        long floorCount = 0;
        _floor = new FloorMailbox((_, _) =>
        {
            if (++floorCount % Messages == 0)
            {
                _done.Set();
            }
        });
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public void Floor()
    {
        _done.Reset();
        for (int i = 0; i < Messages; i++)
        {
            _floor.Tell(Message);
        }
        _done.Wait();
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public void Kernel()
    {
        _done.Reset();
        for (int i = 0; i < Messages; i++)
        {
            _actor.Tell(Message);
        }
        _done.Wait();
    }
}

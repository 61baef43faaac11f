using ActorImport.Configuration;
using Akka.Actor;
using BenchmarkDotNet.Attributes;

namespace ActorImport.Bench.Actors;

/// <summary>
/// <see cref="Senders"/> threads tell one actor (on akka.hocon's import dispatcher) a million
/// messages in all; the time is per message. With one sender the benchmark's own thread tells
/// (no thread is started). The floor hands the same messages through a bare channel.
/// Thread-safety: BenchmarkDotNet calls it from one thread; the senders only Tell.
/// </summary>
[Config(typeof(BenchConfig))]
public class ActorTellBenchmarks
{
    private const int Messages = 1_000_000;
    private static readonly object Message = new();
    private readonly ManualResetEventSlim _done = new();
    private ImportActorSystem _system = null!;
    private IActorRef _actor = null!;
    private ChannelFloor _floor = null!;

    [Params(1, 4)]
    public int Senders { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _system = BenchSystem.Create("bench-tell");
        _actor = _system.System.ActorOf(Props.Create(() => new CountingActor(Messages, _done)).On(_system, BenchSystem.Import));
        long floorCount = 0;
        _floor = new ChannelFloor(_ =>
        {
            if (++floorCount % Messages == 0)
            {
                _done.Set();
            }
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _floor.Dispose();
        _system.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public void Floor() => Run(() => _floor.Tell(Message));

    [Benchmark(OperationsPerInvoke = Messages)]
    public void Akka() => Run(() => _actor.Tell(Message, ActorRefs.NoSender));

    private void Run(Action tell)
    {
        _done.Reset();
        if (Senders == 1)
        {
            SendShare(tell, Messages);
        }
        else
        {
            var threads = new Thread[Senders];
            for (int t = 0; t < Senders; t++)
            {
                threads[t] = new Thread(() => SendShare(tell, Messages / Senders));
                threads[t].Start();
            }
            foreach (Thread thread in threads)
            {
                thread.Join();
            }
        }
        _done.Wait();
    }

    private static void SendShare(Action tell, int count)
    {
        for (int i = 0; i < count; i++)
        {
            tell();
        }
    }
}

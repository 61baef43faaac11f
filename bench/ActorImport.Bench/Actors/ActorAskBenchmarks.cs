using ActorImport.Configuration;
using Akka.Actor;
using BenchmarkDotNet.Attributes;

namespace ActorImport.Bench.Actors;

/// <summary>
/// Ask round trips, one after another, with the ask timeout from akka.hocon; the time is per
/// round trip. "Blocking" waits for each reply on the benchmark thread (as a synchronous import
/// does); "Await" awaits it in an async loop on the pool. <see cref="Dispatcher"/>: the echo
/// actor on akka.hocon's import dispatcher, or on Akka's default dispatcher for comparison.
/// The floor posts a TaskCompletionSource through a bare channel to a consumer that completes it.
/// Thread-safety: BenchmarkDotNet calls it from one thread; the actors follow actor rules.
/// </summary>
[Config(typeof(BenchConfig))]
public class ActorAskBenchmarks
{
    private const int Asks = 20_000;
    private static readonly object Message = new();
    private ImportActorSystem _system = null!;
    private IActorRef _echo = null!;
    private ChannelFloor _floor = null!;

    [Params(BenchSystem.Import, BenchSystem.Default, BenchSystem.Channel)]
    public string Dispatcher { get; set; } = BenchSystem.Import;

    [GlobalSetup]
    public void Setup()
    {
        _system = BenchSystem.Create("bench-ask");
        _echo = _system.System.ActorOf(Props.Create(() => new EchoActor()).On(_system, Dispatcher));
        _floor = new ChannelFloor(message => ((TaskCompletionSource<object>)message).TrySetResult(Message));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _floor.Dispose();
        _system.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Asks)]
    public object FloorBlocking()
    {
        object last = Message;
        for (int i = 0; i < Asks; i++)
        {
            var reply = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
            _floor.Tell(reply);
            last = reply.Task.GetAwaiter().GetResult();
        }
        return last;
    }

    [Benchmark(OperationsPerInvoke = Asks)]
    public async Task<object> FloorAwait()
    {
        await Task.Yield(); // run the loop on the pool, as actor-driven code would
        object last = Message;
        for (int i = 0; i < Asks; i++)
        {
            var reply = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
            _floor.Tell(reply);
            last = await reply.Task;
        }
        return last;
    }

    [Benchmark(OperationsPerInvoke = Asks)]
    public object AkkaBlocking()
    {
        object last = Message;
        for (int i = 0; i < Asks; i++)
        {
            last = _echo.Ask<object>(Message, _system.AskTimeout).GetAwaiter().GetResult();
        }
        return last;
    }

    [Benchmark(OperationsPerInvoke = Asks)]
    public async Task<object> AkkaAwait()
    {
        await Task.Yield();
        object last = Message;
        for (int i = 0; i < Asks; i++)
        {
            last = await _echo.Ask<object>(Message, _system.AskTimeout);
        }
        return last;
    }
}

using ActorImport.Actors;
using BenchmarkDotNet.Attributes;

namespace ActorImport.Bench.Actors;

/// <summary>
/// Ask round trips, one after another; the time is per round trip. "Blocking" waits for each
/// reply on the benchmark thread (every round trip wakes a sleeping thread); "Await" awaits it in
/// an async loop on the pool (the reply's continuation is queued to the pool like any work).
/// The floor posts a TaskCompletionSource that the floor actor completes.
/// Thread-safety: BenchmarkDotNet calls it from one thread; the actors follow actor rules.
/// </summary>
[Config(typeof(BenchConfig))]
public class ActorAskBenchmarks
{
    private const int Asks = 20_000;
    private static readonly object Message = new();
    private ActorSystem _system = null!;
    private IActorRef _echo = null!;
    private FloorMailbox _floor = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench");
        _echo = _system.ActorOf(Props.Create(() => new EchoActor()));
        _floor = new FloorMailbox((message, _) => ((TaskCompletionSource<object>)message).TrySetResult(Message));
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Asks)]
    public object Floor()
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
    public async Task<object> KernelAwait()
    {
        await Task.Yield();
        object last = Message;
        for (int i = 0; i < Asks; i++)
        {
            last = await _echo.Ask<object>(Message);
        }
        return last;
    }

    /// <summary>The same without a timeout: what the timeout bookkeeping costs.</summary>
    [Benchmark(OperationsPerInvoke = Asks)]
    public async Task<object> KernelAwaitNoTimeout()
    {
        await Task.Yield();
        object last = Message;
        for (int i = 0; i < Asks; i++)
        {
            last = await _echo.Ask<object>(Message, Timeout.InfiniteTimeSpan);
        }
        return last;
    }

    [Benchmark(OperationsPerInvoke = Asks)]
    public object Kernel()
    {
        object last = Message;
        for (int i = 0; i < Asks; i++)
        {
            last = _echo.Ask<object>(Message).GetAwaiter().GetResult();
        }
        return last;
    }
}

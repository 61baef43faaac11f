using ActorImport.Configuration;
using Akka.Actor;
using BenchmarkDotNet.Attributes;

namespace ActorImport.Bench.Actors;

/// <summary>
/// Why import actors have a dispatcher of their own: <see cref="Blockers"/> thread-pool work
/// items each block on asks to one echo actor (as synchronous imports block on the engine's
/// actors), <see cref="AsksEach"/> asks each. On Akka's default dispatcher the echo actor needs a
/// pool thread, and every pool thread is blocked waiting for it: the pool only grows by injecting
/// threads slowly. On akka.hocon's import dispatcher (its own threads) nothing waits for the pool.
/// The time is per invocation (all blockers done).
/// Thread-safety: BenchmarkDotNet calls it from one thread.
/// </summary>
[Config(typeof(BenchConfig))]
public class ActorStarvationBenchmarks
{
    private const int AsksEach = 10;
    private ImportActorSystem _system = null!;
    private IActorRef _echo = null!;

    [Params(BenchSystem.Import, BenchSystem.Default)]
    public string Dispatcher { get; set; } = BenchSystem.Import;

    [Params(32)]
    public int Blockers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _system = BenchSystem.Create("bench-starvation");
        _echo = _system.System.ActorOf(Props.Create(() => new EchoActor()).On(_system, Dispatcher));
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Dispose();

    [Benchmark]
    public void BlockedPool()
    {
        var blockers = new Task[Blockers];
        for (int b = 0; b < Blockers; b++)
        {
            blockers[b] = Task.Run(() =>
            {
                for (int i = 0; i < AsksEach; i++)
                {
                    _echo.Ask<object>(i, TimeSpan.FromMinutes(1)).GetAwaiter().GetResult();
                }
            });
        }
        Task.WaitAll(blockers);
    }
}

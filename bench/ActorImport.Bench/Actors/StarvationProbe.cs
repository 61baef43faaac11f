using System.Diagnostics;
using Akka.Actor;

namespace ActorImport.Bench.Actors;

/// <summary>
/// Why import actors have a dispatcher of their own, measured once per fresh process (the .NET
/// thread pool only grows once, so a repeated BenchmarkDotNet iteration would measure a pool that
/// has already grown): <c>blockers</c> thread-pool work items each block on asks to one echo
/// actor, as synchronous imports block on the engine's actors. On a dispatcher that runs on the
/// pool, the echo actor needs a pool thread and every pool thread is blocked waiting for it,
/// until the pool injects more; on akka.hocon's import dispatcher (threads of its own) nothing
/// waits for the pool. Run: <c>dotnet run -c Release -- starvation import|default|channel [blockers]</c>.
/// Stateless.
/// </summary>
internal static class StarvationProbe
{
    private const int AsksEach = 10;

    public static void Run(string dispatcher, int blockers)
    {
        using var system = BenchSystem.Create("starvation");
        IActorRef echo = system.System.ActorOf(Props.Create(() => new EchoActor()).On(system, dispatcher));
        echo.Ask<object>(0, system.AskTimeout).GetAwaiter().GetResult(); // the actor is started
        ThreadPool.GetMinThreads(out int minWorkers, out _);
        var clock = Stopwatch.StartNew();
        var tasks = new Task[blockers];
        for (int b = 0; b < blockers; b++)
        {
            tasks[b] = Task.Run(() =>
            {
                for (int i = 0; i < AsksEach; i++)
                {
                    echo.Ask<object>(i, TimeSpan.FromMinutes(2)).GetAwaiter().GetResult();
                }
            });
        }
        Task.WaitAll(tasks);
        Console.WriteLine($"starvation: dispatcher={dispatcher} blockers={blockers} asks-each={AsksEach} pool-min-threads={minWorkers} " +
            $"elapsed={clock.Elapsed.TotalMilliseconds:F0} ms pool-threads-after={ThreadPool.ThreadCount}");
    }
}

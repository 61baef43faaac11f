using ActorImport.Configuration;
using ActorImport.Stress.Load;

namespace ActorImport.Bench.Load;

/// <summary>
/// The long randomised-call load (issue 11, "Load"; CI runs 20,000 calls in
/// <c>LoadRandomisedCallsTests</c>): <see cref="CallLoad"/> over <see cref="LoadUniverse"/>,
/// <c>calls</c> calls on 8 threads per coordination, printing the counts; exit code 1 on any
/// violation. Run: <c>dotnet run -c Release -- load-calls [calls] [actors|locks|both] [seed]</c>.
/// Stateless.
/// </summary>
public static class CallLoadProbe
{
    public static int Run(long calls, string modes, int seed)
    {
        string root = Path.Combine(Path.GetTempPath(), $"actorimport-calls-{Guid.NewGuid():N}");
        LoadUniverse.Write(root);
        int exit = 0;
        try
        {
            using var system = Akka.Actor.ActorSystem.Create("load-calls", Akka.Configuration.ConfigurationFactory.ParseString(AkkaSection.Defaults));
            foreach (CoordinationMode mode in modes switch { "actors" => [CoordinationMode.Actors], "locks" => [CoordinationMode.Locks], _ => new[] { CoordinationMode.Actors, CoordinationMode.Locks } })
            {
                CallLoadResult result = new CallLoad(root, mode, threads: 8, seed, mode == CoordinationMode.Actors ? system : null).Run(calls);
                Console.WriteLine($"{mode}: {result}");
                if (result.Violations != 0)
                {
                    exit = 1;
                }
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
        return exit;
    }
}

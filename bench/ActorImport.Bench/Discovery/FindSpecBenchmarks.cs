using ActorImport.Bench.Actors;
using ActorImport.Configuration;
using ActorImport.Discovery;
using ActorImport.Model;
using BenchmarkDotNet.Attributes;

namespace ActorImport.Bench.Discovery;

/// <summary>
/// One full pass of <c>find_spec</c> over every stdlib name: cold (a new finder state, so new
/// path-entry actors, empty caches and fresh directory listings) and warm (a state that has
/// done a pass already). The path-entry actors live in one system made from akka.hocon (as the
/// command line's). CPython's figures for the same names are measured in
/// <see cref="GlobalSetup"/> and printed, to be read beside these in one run.
/// </summary>
[Config(typeof(BenchConfig))]
public class FindSpecBenchmarks
{
    private StdlibNames _stdlib = null!;
    private ImportActorSystem _system = null!;
    private FinderState _warm = null!;

    [GlobalSetup]
    public void GlobalSetup()
    {
        _stdlib = StdlibNames.Load();
        _system = BenchSystem.Create("find-spec-bench");
        _warm = NewState().State;
        Pass(_warm);
        string namesFile = _stdlib.WriteNamesFile();
        foreach (string mode in new[] { "util-cold", "util-warm", "find-cold", "find-warm" })
        {
            // Median of five fresh processes.
            double[] runs = [.. Enumerable.Range(0, 5).Select(_ => CPythonFindSpecTimes.Seconds(namesFile, mode)).Order()];
            Console.WriteLine($"// CPython {mode}: {runs[2] * 1000:F2} ms per pass over {_stdlib.Names.Count} names");
        }
    }

    [GlobalCleanup]
    public void GlobalCleanup() => _system.Dispose();

    private (FinderState State, PathEntryActors Actors) NewState()
    {
        FinderState state = FinderState.CreateDefault(_stdlib.SysPath, stdlibDirectory: _stdlib.StdlibDirectory);
        return (state, PathEntryActors.Install(_system, state));
    }

    private int Pass(FinderState state)
    {
        int found = 0;
        foreach (string name in _stdlib.Names)
        {
            try
            {
                found += SpecFinder.FindSpec(state, name) is null ? 0 : 1;
            }
            catch (PythonException)
            {
            }
        }
        return found;
    }

    [Benchmark(Description = "FindSpec, every stdlib name, cold (new state + entry actors)")]
    public int Cold()
    {
        (FinderState state, PathEntryActors actors) = NewState();
        using (actors) // the engine's entry actors are stopped with it
        {
            return Pass(state);
        }
    }

    [Benchmark(Description = "FindSpec, every stdlib name, warm")]
    public int Warm() => Pass(_warm);
}

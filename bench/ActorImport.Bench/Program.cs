using ActorImport.Bench.Actors;

// BenchmarkDotNet suites (--filter …), or the one-shot dispatcher starvation probe:
//   dotnet run -c Release -- starvation import|default|channel [blockers]
if (args is ["starvation", string dispatcher, .. var rest])
{
    StarvationProbe.Run(dispatcher, rest is [string count] ? int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) : 64);
    return;
}
// or the engine's memory probe: dotnet run -c Release -- memory [count] [threads]
if (args is ["memory", .. var memoryArgs])
{
    ActorImport.Bench.Engine.MemoryProbe.Run(
        memoryArgs is [string n, ..] ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 100_000,
        memoryArgs is [_, string t] ? int.Parse(t, System.Globalization.CultureInfo.InvariantCulture) : 1);
    return;
}
BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

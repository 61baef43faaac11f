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
// or the reliability loads (docs/reliability.md, "Load"):
//   dotnet run -c Release -- load-universe [count] [threads] [actors|locks|both]
//   dotnet run -c Release -- load-calls [calls] [actors|locks|both] [seed]
if (args is ["load-universe", .. var universeArgs])
{
    ActorImport.Bench.Load.UniverseLoadProbe.Run(
        universeArgs is [string n, ..] ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 100_000,
        universeArgs is [_, string t, ..] ? int.Parse(t, System.Globalization.CultureInfo.InvariantCulture) : 8,
        universeArgs is [_, _, string m] ? m : "both");
    return;
}
if (args is ["load-calls", .. var callArgs])
{
    Environment.Exit(ActorImport.Bench.Load.CallLoadProbe.Run(
        callArgs is [string n, ..] ? long.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 1_000_000,
        callArgs is [_, string m, ..] ? m : "both",
        callArgs is [_, _, string s] ? int.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : 1));
}
BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

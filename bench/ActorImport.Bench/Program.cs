using ActorImport.Bench.Actors;

// BenchmarkDotNet suites (--filter …), or the one-shot dispatcher starvation probe:
//   dotnet run -c Release -- starvation import|default|channel [blockers]
if (args is ["starvation", string dispatcher, .. var rest])
{
    StarvationProbe.Run(dispatcher, rest is [string count] ? int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) : 64);
    return;
}
BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

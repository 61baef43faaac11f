using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ActorImport.Bench;

/// <summary>
/// The configuration every suite uses: in-process (no generated project to build, so it works
/// with central package versions) and short, because this machine has two cores. Baselines
/// are marked with <c>Baseline = true</c> in each class so that ratios come from one run; summaries
/// are per class for the same reason.
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddJob(Job.ShortRun
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(2)
            .WithIterationCount(5)
            .WithLaunchCount(1));
        AddColumnProvider(DefaultColumnProviders.Instance);
        AddColumn(StatisticColumn.Median);
        AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default);
        // No joined summary: each class keeps its own baseline, so its Ratio column is right.
        WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }
}

using ActorImport.Configuration;
using Akka.Actor;
using Akka.Configuration;

namespace ActorImport.Tests.Configuration;

/// <summary>
/// The engine's actor system: its own, made from akka.hocon's <c>akka</c> section, or a host's.
/// The TestKit's system here is configured from the same file, as a host's would be.
/// </summary>
public sealed class ImportActorSystemTests : ImportTestKit
{
    /// <summary>Replies with whether it runs on a .NET thread-pool thread, and the thread's name.</summary>
    private sealed class ThreadReporter : ReceiveActor
    {
        public ThreadReporter() => ReceiveAny(_ => Sender.Tell((Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.Name ?? "")));
    }

    [Fact]
    public void TheFilesAkkaSectionReachesTheOwnSystem()
    {
        using var actors = ImportActorSystem.Create(RootConfiguration(), "own");
        Settings settings = actors.System.Settings;
        Assert.Equal("OFF", settings.LogLevel);
        Assert.Equal("OFF", settings.StdoutLogLevel);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.AskTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), actors.AskTimeout);
        Assert.Equal(AkkaSection.ImportDispatcherId, actors.DispatcherId);
        Assert.True(actors.System.Dispatchers.HasDispatcher(actors.DispatcherId));
        Assert.Equal(30, actors.System.Dispatchers.Lookup(actors.DispatcherId).Throughput);
        Assert.Equal("ForkJoinDispatcher", settings.Config.GetString(actors.DispatcherId + ".type"));
    }

    [Fact]
    public void ASwitchReachesTheOwnSystem()
    {
        using var actors = ImportActorSystem.Create(RootConfiguration("--set", "akka.loglevel=ERROR", "--set", "akka.actor.actor-import-dispatcher.throughput=7", "--set", "akka.actor.ask-timeout=3s"), "switched");
        Assert.Equal("ERROR", actors.System.Settings.LogLevel);
        Assert.Equal(7, actors.System.Dispatchers.Lookup(actors.DispatcherId).Throughput);
        Assert.Equal(TimeSpan.FromSeconds(3), actors.AskTimeout);
    }

    [Fact]
    public void ImportActorsRunOnTheDedicatedThreadsOfTheFilesDispatcher()
    {
        using var actors = ImportActorSystem.Create(RootConfiguration(), "threads");
        var probe = CreateTestProbe(actors.System);
        IActorRef reporter = actors.System.ActorOf(Props.Create(() => new ThreadReporter()).WithDispatcher(actors.DispatcherId));
        reporter.Tell("where", probe.Ref);
        var (onPool, _) = probe.ExpectMsg<(bool, string)>();
        Assert.False(onPool, "an import actor ran on the .NET thread pool, which blocked importers can starve");
    }

    [Fact]
    public void TheTestKitTimeFactorIsTheFiles()
    {
        Assert.Equal(RootConfigurationTimeFactor(), TestKitSettings.TestTimeFactor);
        Assert.Equal(TimeSpan.FromSeconds(2 * TestKitSettings.TestTimeFactor), Dilated(TimeSpan.FromSeconds(2)));
    }

    private static double RootConfigurationTimeFactor() => AkkaSection.ToConfig(RootConfiguration()).GetDouble("akka.test.timefactor");

    [Fact]
    public void DisposingAnOwnSystemTerminatesIt()
    {
        var actors = ImportActorSystem.Create(RootConfiguration(), "terminated");
        Assert.True(actors.OwnsSystem);
        actors.Dispose();
        Assert.True(actors.System.WhenTerminated.IsCompleted);
        actors.Dispose(); // twice is harmless
    }

    [Fact]
    public void DisposingASharedSystemLeavesTheHostsRunning()
    {
        var shared = ImportActorSystem.Share(Sys, RootConfiguration());
        Assert.False(shared.OwnsSystem);
        Assert.Same(Sys, shared.System);
        shared.Dispose();
        Assert.False(Sys.WhenTerminated.IsCompleted);
        var probe = CreateTestProbe();
        probe.Ref.Tell("still alive");
        probe.ExpectMsg("still alive");
    }

    [Fact]
    public void AHostWithoutTheImportDispatcherGetsOursAndKeepsItsOwnSettings()
    {
        Config hostConfig = ConfigurationFactory.ParseString("akka { loglevel = WARNING, stdout-loglevel = OFF, actor.ask-timeout = 42s }");
        using var host = ActorSystem.Create("host", hostConfig);
        Assert.False(host.Dispatchers.HasDispatcher(AkkaSection.ImportDispatcherId));

        var shared = ImportActorSystem.Share(host, RootConfiguration());
        Assert.True(host.Dispatchers.HasDispatcher(shared.DispatcherId));
        Assert.Equal("WARNING", host.Settings.LogLevel);
        Assert.Equal(TimeSpan.FromSeconds(5), shared.AskTimeout); // ours: asks to import actors end
        var probe = CreateTestProbe(host);
        host.ActorOf(Props.Create(() => new ThreadReporter()).WithDispatcher(shared.DispatcherId)).Tell("where", probe.Ref);
        Assert.False(probe.ExpectMsg<(bool, string)>().Item1);
    }

    [Fact]
    public void AHostThatDeclaresTheImportDispatcherKeepsItsOwn()
    {
        Config hostConfig = ConfigurationFactory.ParseString("akka { stdout-loglevel = OFF, loglevel = OFF, actor.actor-import-dispatcher { type = Dispatcher, throughput = 3 } }");
        using var host = ActorSystem.Create("host-dispatcher", hostConfig);
        var shared = ImportActorSystem.Share(host, RootConfiguration());
        Assert.Equal(3, host.Dispatchers.Lookup(shared.DispatcherId).Throughput);
    }
}

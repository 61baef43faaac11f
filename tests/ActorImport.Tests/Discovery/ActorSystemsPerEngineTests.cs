using ActorImport.Configuration;
using ActorImport.Discovery;
using ActorImport.Model;

namespace ActorImport.Tests.Discovery;

/// <summary>
/// Engines (a finder state with its path-entry actors) in one process: each with an actor
/// system of its own, or one on a system the host supplies (the TestKit's). Nothing is shared
/// between them but what the host chose to share.
/// </summary>
public sealed class ActorSystemsPerEngineTests : ImportTestKit
{
    private sealed record Engine(FinderState State, PathEntryActors Actors) : IDisposable
    {
        public string? Origin(string name) => SpecFinder.FindSpec(State, name)?.Origin;

        public void Dispose() => Actors.Dispose();
    }

    private static Engine Start(ImportActorSystem system, string directory)
    {
        FinderState state = FinderState.CreateDefault([directory]);
        return new Engine(state, PathEntryActors.Install(system, state));
    }

    [Fact]
    public void TwoEnginesEachWithItsOwnSystem()
    {
        using var layout = new TempLayout();
        string one = layout.Dir("one"), two = layout.Dir("two");
        layout.File("one/m.py");
        layout.File("two/m.py");
        using var firstSystem = ImportActorSystem.Create(RootConfiguration(), "engine-one");
        using var secondSystem = ImportActorSystem.Create(RootConfiguration(), "engine-two");
        Assert.NotSame(firstSystem.System, secondSystem.System);
        using Engine first = Start(firstSystem, one), second = Start(secondSystem, two);

        Assert.Equal(layout["one/m.py"], first.Origin("m"));
        Assert.Equal(layout["two/m.py"], second.Origin("m"));
        Assert.Equal("engine-one", first.Actors.Supervisor.Path.Address.System);
        Assert.Equal("engine-two", second.Actors.Supervisor.Path.Address.System);

        // Shutting one engine's system down leaves the other answering.
        firstSystem.Dispose();
        Assert.True(firstSystem.System.WhenTerminated.IsCompleted);
        layout.File("two/n.py");
        Assert.Equal(layout["two/n.py"], second.Origin("n"));
    }

    [Fact]
    public void AnEngineOnTheHostsSystemBesideOneWithItsOwn()
    {
        using var layout = new TempLayout();
        string dir = layout.Dir("lib");
        layout.File("lib/m.py");
        using var own = ImportActorSystem.Create(RootConfiguration(), "engine-own");
        using Engine hosted = Start(Actors, dir), separate = Start(own, dir);

        Assert.Equal(layout["lib/m.py"], hosted.Origin("m"));
        Assert.Equal(layout["lib/m.py"], separate.Origin("m"));
        Assert.Equal(Sys.Name, hosted.Actors.Supervisor.Path.Address.System);
        Assert.Equal("engine-own", separate.Actors.Supervisor.Path.Address.System);
        Assert.NotSame(hosted.State.PathImporterCache, separate.State.PathImporterCache);
    }

    [Fact]
    public void TwoEnginesOnOneHostSystemHaveASupervisorEach()
    {
        using var layout = new TempLayout();
        string dir = layout.Dir("lib");
        layout.File("lib/m.py");
        using Engine a = Start(Actors, dir), b = Start(Actors, dir);
        Assert.NotEqual(a.Actors.Supervisor, b.Actors.Supervisor);
        Assert.Equal(a.Origin("m"), b.Origin("m"));
        a.Dispose();
        layout.File("lib/n.py");
        Assert.Equal(layout["lib/n.py"], b.Origin("n")); // b's actors outlive a's
    }
}

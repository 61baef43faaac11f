using ActorImport.Actors;

namespace ActorImport.Testing;

/// <summary>
/// Base class of actor tests (Akka.TestKit style, for xunit): one fresh <see cref="ActorSystem"/>
/// per test, a default probe <see cref="TestActor"/> whose Expect members are mirrored here, and
/// the time factor from <see cref="TestKitSettings"/> (akka.hocon). Thread-safety: use it from the test's
/// thread; the system and probes are thread-safe as documented on them. Disposing terminates the system.
/// The namespace is ActorImport.Testing so that the class name does not collide with it.
/// </summary>
public abstract class TestKit : IDisposable
{
    protected TestKit(ActorSystemSettings? systemSettings = null, TestKitSettings? testKitSettings = null)
    {
        TestKitSettings = testKitSettings ?? TestKitSettings.FromConfiguration();
        // Defaults for tests: quiet, and an ask timeout that is a hang guard on a busy machine.
        Sys = ActorSystem.Create("test", systemSettings ?? new ActorSystemSettings
        {
            Log = static (_, _) => { },
            AskTimeout = TestKitSettings.Dilated(TimeSpan.FromSeconds(20)),
        });
        TestActor = new TestProbe(Sys, TestKitSettings, "testActor");
    }

    public ActorSystem Sys { get; }

    public TestKitSettings TestKitSettings { get; }

    public double TimeFactor => TestKitSettings.TimeFactor;

    /// <summary>The default probe: Expect, Reply and LastSender here are its members.</summary>
    public TestProbe TestActor { get; }

    public IActorRef? LastSender => TestActor.LastSender;

    public TimeSpan Dilated(TimeSpan duration) => TestKitSettings.Dilated(duration);

    public TestProbe CreateTestProbe(string? name = null) => new(Sys, TestKitSettings, name);

    public T ExpectMsg<T>(TimeSpan? max = null) => TestActor.ExpectMsg<T>(max);

    public T ExpectMsg<T>(Func<T, bool> predicate, TimeSpan? max = null) => TestActor.ExpectMsg(predicate, max);

    public T ExpectMsg<T>(T expected, TimeSpan? max = null) => TestActor.ExpectMsg(expected, max);

    public void ExpectNoMsg(TimeSpan duration) => TestActor.ExpectNoMsg(duration);

    public Terminated ExpectTerminated(IActorRef target, TimeSpan? max = null) => TestActor.ExpectTerminated(target, max);

    public void Reply(object message) => TestActor.Reply(message);

    public void Watch(IActorRef target) => TestActor.Watch(target);

    public void Within(TimeSpan max, Action action) => TestActor.Within(max, action);

    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null) =>
        TestActor.AwaitAssert(assertion, duration, interval);

    public virtual void Dispose()
    {
        Sys.Terminate().Wait(Dilated(TimeSpan.FromSeconds(10)));
        GC.SuppressFinalize(this);
    }
}

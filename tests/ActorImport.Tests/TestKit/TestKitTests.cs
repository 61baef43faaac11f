using ActorImport.Actors;
using ActorImport.Testing;
using Xunit.Sdk;

namespace ActorImport.Tests.Actors;

/// <summary>
/// The test kit's own behaviour (in the Actors namespace so the kernel's filter runs it).
/// Thread-safety: xunit runs these one at a time on one instance each.
/// </summary>
public sealed class TestKitTests() : TestKit(testKitSettings: new TestKitSettings { TimeFactor = 1.0 })
{
    [Fact]
    public void DilatedScalesByTheTimeFactorAndKeepsInfinite()
    {
        var settings = new TestKitSettings { TimeFactor = 2.5 };

        Assert.Equal(TimeSpan.FromMilliseconds(250), settings.Dilated(TimeSpan.FromMilliseconds(100)));
        Assert.Equal(Timeout.InfiniteTimeSpan, settings.Dilated(Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public void TheFactorComesFromTheConfigurationFileAndTheEnvironmentOverridesIt()
    {
        string file = Path.Combine(Path.GetTempPath(), $"testkit-{Guid.NewGuid():N}.hocon");
        File.WriteAllText(file, "actor-import { test-kit { time-factor = 1.5 } }");
        try
        {
            var none = new Dictionary<string, string?>();
            Assert.Equal(1.5, TestKitSettings.FromConfiguration(file, none).TimeFactor);
            var overridden = new Dictionary<string, string?> { ["ACTORIMPORT__test_kit__time_factor"] = "3" };
            Assert.Equal(3.0, TestKitSettings.FromConfiguration(file, overridden).TimeFactor);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ANonPositiveFactorIsAConfigurationErrorNamingTheKey()
    {
        var environment = new Dictionary<string, string?> { ["ACTORIMPORT__test_kit__time_factor"] = "0" };
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => TestKitSettings.FromConfiguration(environment: environment));
        Assert.Contains("actor-import:test-kit:time-factor", error.Message);
    }

    [Fact]
    public void ExpectMsgFailsWhenNothingArrives()
    {
        Assert.ThrowsAny<XunitException>(() => ExpectMsg<string>(TimeSpan.FromMilliseconds(20)));
    }

    [Fact]
    public void ExpectMsgFailsOnAnotherType()
    {
        TestActor.Tell(1);

        Assert.ThrowsAny<XunitException>(() => ExpectMsg<string>());
    }

    [Fact]
    public void ExpectNoMsgFailsWhenAMessageArrives()
    {
        TestActor.Tell("surprise");

        Assert.ThrowsAny<XunitException>(() => ExpectNoMsg(TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void ReplyAnswersTheLastSender()
    {
        TestProbe asker = CreateTestProbe("asker");
        asker.Send(TestActor, "question");
        ExpectMsg("question");
        Assert.Same(asker, LastSender);

        Reply("answer");

        asker.ExpectMsg("answer");
        Assert.Same(TestActor, asker.LastSender);
    }

    [Fact]
    public async Task AProbeCanBeAsked()
    {
        TestProbe probe = CreateTestProbe();
        Task<string> reply = probe.Ask<string>("hi?");

        probe.ExpectMsg("hi?");
        probe.Reply("hi!");

        Assert.Equal("hi!", await reply.WaitAsync(Dilated(TimeSpan.FromSeconds(20))));
    }

    [Fact]
    public void WithinFailsWhenTheBlockTakesLonger()
    {
        Assert.ThrowsAny<XunitException>(() => Within(TimeSpan.FromMilliseconds(1), () => Thread.Sleep(50)));
    }

    [Fact]
    public void ExpectInsideWithinDefaultsToTheTimeLeft()
    {
        XunitException? failure = null;
        Within(TimeSpan.FromSeconds(30), () =>
            failure = Assert.ThrowsAny<XunitException>(() => Within(TimeSpan.FromMilliseconds(50), () => ExpectMsg<string>())));

        // The probe reports how long it waited: the time left (at most 50 ms), not the 3 s default.
        string text = failure!.Message;
        int at = text.IndexOf("within ", StringComparison.Ordinal) + "within ".Length;
        double waited = double.Parse(text[at..text.IndexOf(" ms", at, StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(waited, 0, Dilated(TimeSpan.FromMilliseconds(50)).TotalMilliseconds);
    }

    [Fact]
    public void AwaitAssertRetriesUntilTheAssertionHolds()
    {
        int calls = 0;

        AwaitAssert(() => Assert.True(++calls >= 3), interval: TimeSpan.FromMilliseconds(1));

        Assert.Equal(3, calls);
    }

    [Fact]
    public void AwaitAssertRethrowsWhenTimeIsUp()
    {
        Assert.ThrowsAny<XunitException>(() => AwaitAssert(() => Assert.Fail("never"), TimeSpan.FromMilliseconds(30)));
    }
}

using ActorImport.Configuration;
using Microsoft.Extensions.Configuration;
using static ActorImport.Tests.Configuration.HoconTestSupport;

namespace ActorImport.Tests.Configuration;

public class HoconDurationTests
{
    public sealed class Timings
    {
        public TimeSpan A { get; set; }
        public TimeSpan B { get; set; }
        public TimeSpan C { get; set; }
        public TimeSpan D { get; set; }
        public TimeSpan E { get; set; }
        public TimeSpan F { get; set; }
        public TimeSpan? G { get; set; }
    }

    [Theory]
    [InlineData("250ms", 250 * TimeSpan.TicksPerMillisecond)]
    [InlineData("5s", 5 * TimeSpan.TicksPerSecond)]
    [InlineData("5 seconds", 5 * TimeSpan.TicksPerSecond)]
    [InlineData("2 minutes", 2 * TimeSpan.TicksPerMinute)]
    [InlineData("2m", 2 * TimeSpan.TicksPerMinute)]
    [InlineData("1.5 hours", 90 * TimeSpan.TicksPerMinute)]
    [InlineData("1d", TimeSpan.TicksPerDay)]
    [InlineData("10us", 100)]
    [InlineData("1500ns", 15)]
    [InlineData("40", 40 * TimeSpan.TicksPerMillisecond)]
    public void ParsesHoconDurations(string text, long ticks)
    {
        Assert.Equal(TimeSpan.FromTicks(ticks), HoconDuration.Parse(text));
    }

    [Theory]
    [InlineData("5 fortnights")]
    [InlineData("soon")]
    [InlineData("")]
    [InlineData("s")]
    public void RejectsNonDurations(string text)
    {
        Assert.False(HoconDuration.TryParse(text, out _));
        Assert.Throws<FormatException>(() => HoconDuration.Parse(text));
    }

    [Fact]
    public void InfiniteIsTheInfiniteTimeSpan()
    {
        Assert.Equal(Timeout.InfiniteTimeSpan, HoconDuration.Parse("infinite"));
    }

    [Fact]
    public void DurationsBindToTimeSpanThroughTheStandardBinder()
    {
        var c = Read("a = 250ms\nb = 5s\nc = 2 minutes\nd = 1.5 hours\ne = infinite\nf = \"00:00:03\"\ng = 7s");
        var t = c.Get<Timings>()!;
        Assert.Equal(TimeSpan.FromMilliseconds(250), t.A);
        Assert.Equal(TimeSpan.FromSeconds(5), t.B);
        Assert.Equal(TimeSpan.FromMinutes(2), t.C);
        Assert.Equal(TimeSpan.FromMinutes(90), t.D);
        Assert.Equal(Timeout.InfiniteTimeSpan, t.E);
        Assert.Equal(TimeSpan.FromSeconds(3), t.F); // the standard format still works
        Assert.Equal(TimeSpan.FromSeconds(7), t.G);
    }

    [Fact]
    public void RegistrationIsIdempotent()
    {
        HoconTimeSpanConverter.EnsureRegistered();
        HoconTimeSpanConverter.EnsureRegistered();
        Assert.IsType<HoconTimeSpanConverter>(System.ComponentModel.TypeDescriptor.GetConverter(typeof(TimeSpan)));
    }

    [Fact]
    public void BadDurationFailsBindingNamingTheKey()
    {
        var c = Read("a = 5 fortnights");
        var e = Assert.Throws<InvalidOperationException>(() => c.Get<Timings>());
        Assert.Contains("at 'A'", e.Message); // the binder names the property path
        Assert.Contains("is not a duration", e.InnerException!.Message);
    }
}

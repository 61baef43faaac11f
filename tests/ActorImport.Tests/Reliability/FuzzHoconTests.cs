using ActorImport.Configuration;
using Microsoft.Extensions.Configuration;

namespace ActorImport.Tests.Reliability;

/// <summary>
/// Property-based fuzzing of the HOCON reader and the bridge to Akka.NET with random and mutated
/// documents: reading throws only <see cref="HoconException"/>, naming the file and a line and
/// column inside it; a document that reads is always handed to Akka.NET
/// (<see cref="AkkaSection.ToConfig"/>) and validated (<see cref="AkkaSectionValidator.Check"/>)
/// without an exception, whatever characters its keys and values hold.
/// </summary>
public sealed class FuzzHoconTests : IDisposable
{
    private const string Name = "fuzzed.conf";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "actorimport-fuzz-hocon-" + Guid.NewGuid().ToString("N"));

    public FuzzHoconTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public void ReaderThrowsOnlyHoconExceptionsWithAPosition() =>
        FuzzRun.Check("hocon reader", FuzzInputs.Cases(), c => FuzzRun.Show(FuzzInputs.HoconText(c)),
            c => Read(FuzzInputs.HoconText(c)), IsPositioned, ciCases: 250);

    [Fact]
    public void EveryDocumentThatReadsReachesAkka() =>
        FuzzRun.Check("hocon to akka", FuzzInputs.Cases(), c => FuzzRun.Show(FuzzInputs.HoconText(c)),
            c =>
            {
                IConfigurationRoot configuration;
                try
                {
                    configuration = Read(FuzzInputs.HoconText(c));
                }
                catch (HoconException)
                {
                    return;
                }
                AkkaSection.ToConfig(configuration);
                AkkaSectionValidator.Check(configuration);
            },
            _ => false, ciCases: 150);

    private IConfigurationRoot Read(string text) =>
        new ConfigurationBuilder().AddHoconString(text, _directory, new Dictionary<string, string?> { ["HOME"] = "/home/x" }, Name).Build();

    private static bool IsPositioned(Exception e) =>
        e is HoconException { File: Name } h && h.Line >= 1 && h.Column >= 1 && h.Message.StartsWith($"{Name}:{h.Line}:{h.Column}: ", StringComparison.Ordinal);

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

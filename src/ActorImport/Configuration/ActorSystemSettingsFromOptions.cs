using ActorImport.Actors;

namespace ActorImport.Configuration;

/// <summary>
/// Maps the bound configuration onto the actor kernel's settings: <c>dispatcher.throughput</c>
/// and <c>ask-timeout</c>. The kernel itself stays free of configuration types. Stateless.
/// </summary>
public static class ActorSystemSettingsFromOptions
{
    public static ActorSystemSettings ToActorSystemSettings(this ActorImportOptions options) => new()
    {
        Throughput = options.Dispatcher.Throughput,
        AskTimeout = options.AskTimeout,
    };
}

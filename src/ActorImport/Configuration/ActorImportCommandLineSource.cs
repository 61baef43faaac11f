using Microsoft.Extensions.Configuration;

namespace ActorImport.Configuration;

/// <summary>
/// Command-line overrides. Two forms are read; every other argument is left to the program:
/// <list type="bullet">
/// <item><c>--actor-import:dispatcher:throughput=10</c> (or with a space before the value, or
/// '.' instead of ':'): the full configuration key.</item>
/// <item><c>--set dispatcher.throughput=10</c> (or <c>--set=dispatcher.throughput=10</c>): a
/// HOCON path under <c>actor-import</c>; a path that already starts with <c>actor-import</c> is
/// taken as it is. Array elements by index: <c>--set search.path.0=/opt/lib</c>.</item>
/// </list>
/// The bare short form <c>--dispatcher:throughput=10</c> is deliberately not read: it would
/// collide with the program's own switches. Thread-safety: configure before <c>Build</c>.
/// </summary>
public sealed class ActorImportCommandLineSource : IConfigurationSource
{
    public const string SetSwitch = "--set";

    public IReadOnlyList<string> Args { get; set; } = [];

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new ActorImportCommandLineProvider(this);
}

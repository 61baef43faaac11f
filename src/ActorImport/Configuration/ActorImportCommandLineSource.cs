using Microsoft.Extensions.Configuration;

namespace ActorImport.Configuration;

/// <summary>
/// Command-line overrides. Two forms are read; every other argument is left to the program:
/// <list type="bullet">
/// <item><c>--actor-import:bytecode:mode=checked-hash</c> (or with a space before the value, or
/// '.' instead of ':'): the full configuration key.</item>
/// <item><c>--set bytecode.mode=checked-hash</c> (or <c>--set=bytecode.mode=checked-hash</c>): a
/// HOCON path under <c>actor-import</c>; a path that already starts with <c>actor-import</c> or
/// <c>akka</c> is taken as it is (<c>--set akka.loglevel=DEBUG</c>). A list is set whole:
/// <c>--set search.path=[auto, /opt/lib]</c> (an element by index, <c>search.path.0</c>, also
/// replaces the whole list).</item>
/// </list>
/// The bare short form <c>--bytecode:mode=checked-hash</c> is deliberately not read: it would
/// collide with the program's own switches. Thread-safety: configure before <c>Build</c>.
/// </summary>
public sealed class ActorImportCommandLineSource : IConfigurationSource
{
    public const string SetSwitch = "--set";

    public IReadOnlyList<string> Args { get; set; } = [];

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new ActorImportCommandLineProvider(this);
}

using Microsoft.Extensions.Configuration;

namespace ActorImport.Configuration;

/// <summary>
/// Configuration layers merged into one provider, lowest precedence first, with HOCON's rule
/// for what a later layer replaces: a layer that sets a list (any element, <c>search:path:0</c>,
/// or the whole list as HOCON, <c>--set search.path=[a]</c>) replaces the earlier list as a
/// whole, instead of overwriting it index by index as stacked providers would; a layer that
/// sets a single value replaces whatever was below it at that key. Thread-safety: configure
/// before <c>Build</c>.
/// </summary>
public sealed class OverrideLayersSource : IConfigurationSource
{
    /// <summary>The layers, lowest precedence first (for example: the file, the environment, the command line).</summary>
    public IList<IConfigurationSource> Layers { get; } = [];

    public IConfigurationProvider Build(IConfigurationBuilder builder) =>
        new OverrideLayersProvider([.. Layers.Select(layer => layer.Build(builder))]);
}

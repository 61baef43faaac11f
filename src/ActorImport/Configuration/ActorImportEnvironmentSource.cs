using Microsoft.Extensions.Configuration;

namespace ActorImport.Configuration;

/// <summary>
/// Environment overrides: <c>ACTORIMPORT__section__key=value</c> sets
/// <c>actor-import:section:key</c>. The prefix is matched without regard to case; "__" separates
/// segments; since shells dislike hyphens, every '_' left inside a segment stands for '-'
/// (<c>ACTORIMPORT__lazy_imports__mode</c> → <c>actor-import:lazy-imports:mode</c>; no setting has an
/// underscore in its name). <c>ACTORIMPORT__akka__…</c> sets Akka.NET's section
/// (<c>ACTORIMPORT__akka__loglevel=DEBUG</c>). A list is set whole, as HOCON
/// (<c>ACTORIMPORT__search__path=[auto, /opt/lib]</c>) or by index
/// (<c>ACTORIMPORT__search__path__0</c>); either replaces the file's whole list.
/// Thread-safety: configure before <c>Build</c>.
/// </summary>
public sealed class ActorImportEnvironmentSource : IConfigurationSource
{
    public const string Prefix = "ACTORIMPORT__";

    /// <summary>The variables to read; null means the process environment.</summary>
    public IDictionary<string, string?>? Variables { get; set; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new ActorImportEnvironmentProvider(this);
}

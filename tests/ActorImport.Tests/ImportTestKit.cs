using ActorImport.Configuration;
using Microsoft.Extensions.Configuration;
using Xunit.Abstractions;

namespace ActorImport.Tests;

/// <summary>
/// The base of every actor test: Akka.NET's xunit TestKit on a system configured from the
/// repository's akka.hocon, read by our reader and handed over through <see cref="AkkaSection"/>
/// (so <c>akka.test.timefactor</c>, the log levels and the import dispatcher are the file's).
/// The engine under test shares the TestKit's system (<see cref="Actors"/>), as a host's would.
/// Thread-safety: one instance per test, as xunit creates them.
/// </summary>
public abstract class ImportTestKit : Akka.TestKit.Xunit2.TestKit
{
    /// <param name="overrides">Switches over the file, as on the command line (<c>--set akka.loglevel=DEBUG</c>).</param>
    protected ImportTestKit(ITestOutputHelper? output = null, params string[] overrides)
        : base(AkkaSection.ToConfig(RootConfiguration(overrides)), "actor-import-test", output)
    {
        Actors = ImportActorSystem.Share(Sys, RootConfiguration(overrides));
    }

    /// <summary>The TestKit's system as the engine sees it (a host-supplied system: not terminated by the engine).</summary>
    protected ImportActorSystem Actors { get; }

    /// <summary>The repository's akka.hocon, with no environment and no switches.</summary>
    public static IConfigurationRoot RootConfiguration(params string[] args) =>
        ActorImportConfiguration.Build(RootHocon, args, new Dictionary<string, string?>());

    /// <summary>The repository's akka.hocon.</summary>
    public static string RootHocon => Path.Combine(Conformance.RepositoryPaths.Root(), ActorImportConfiguration.DefaultFileName);
}

using Akka.Actor;
using Akka.Configuration;
using Microsoft.Extensions.Configuration;

namespace ActorImport.Configuration;

/// <summary>
/// The <see cref="ActorSystem"/> an engine's actors live in, and the two settings they need
/// from it: the dispatcher they run on (<see cref="DispatcherId"/>) and how long an ask to
/// them may take (<see cref="AskTimeout"/>). Either the engine's own system, created from the
/// <c>akka</c> section of our configuration (<see cref="AkkaSection"/>) and terminated on
/// <see cref="Dispose"/>; or a host's system (<see cref="Share"/>), which the host keeps running
/// and terminates itself — its own settings stay as they are, our import dispatcher is added
/// to them only if the host does not declare one under the same id.
/// There is no static system: every engine has one of these.
/// Thread-safety: immutable after construction; <see cref="Dispose"/> may be called more than once.
/// </summary>
public sealed class ImportActorSystem : IDisposable
{
    /// <summary>The name of a system this type creates.</summary>
    public const string DefaultName = "actor-import";

    private int _disposed;

    private ImportActorSystem(ActorSystem system, bool ownsSystem, TimeSpan askTimeout)
    {
        System = system;
        OwnsSystem = ownsSystem;
        AskTimeout = askTimeout;
    }

    /// <summary>The actor system (the engine's own, or the host's).</summary>
    public ActorSystem System { get; }

    /// <summary>Whether <see cref="Dispose"/> terminates <see cref="System"/> (true only for a system created here).</summary>
    public bool OwnsSystem { get; }

    /// <summary><c>akka.actor.ask-timeout</c> of our configuration: finite and positive (validated).</summary>
    public TimeSpan AskTimeout { get; }

    /// <summary>The dispatcher import actors run on: <see cref="AkkaSection.ImportDispatcherId"/>.</summary>
    public string DispatcherId => AkkaSection.ImportDispatcherId;

    /// <summary>
    /// Creates the engine's own system from the <c>akka</c> section of
    /// <paramref name="configuration"/> (as built by <see cref="ActorImportConfiguration.Build"/>).
    /// </summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting this project relies on is unusable.</exception>
    public static ImportActorSystem Create(IConfiguration configuration, string name = DefaultName)
    {
        Config config = Validated(configuration);
        return new ImportActorSystem(ActorSystem.Create(name, config), ownsSystem: true, AskTimeoutOf(config));
    }

    /// <summary>
    /// Runs the engine's actors in <paramref name="host"/>'s system. The host's settings win;
    /// the import dispatcher is taken from <paramref name="configuration"/> when the host does not
    /// declare it, and the ask timeout is always ours (Akka's default is infinite).
    /// </summary>
    public static ImportActorSystem Share(ActorSystem host, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(host);
        Config config = Validated(configuration);
        if (!host.Dispatchers.HasDispatcher(AkkaSection.ImportDispatcherId))
        {
            // A fallback below the host's whole config: it only fills in what the host lacks.
            host.Settings.InjectTopLevelFallback(config);
        }
        return new ImportActorSystem(host, ownsSystem: false, AskTimeoutOf(config));
    }

    /// <summary>Terminates the system if it is the engine's own (waiting for it, bounded by the ask timeout); a host's is left running.</summary>
    public void Dispose()
    {
        if (!OwnsSystem || Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        System.Terminate().Wait(AskTimeout);
    }

    private static Config Validated(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        List<string> failures = AkkaSectionValidator.Check(configuration);
        if (failures.Count > 0)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(AkkaSection.SectionName, typeof(ImportActorSystem), failures);
        }
        return AkkaSection.ToConfig(configuration);
    }

    private static TimeSpan AskTimeoutOf(Config config) => config.GetTimeSpan("akka.actor.ask-timeout");
}

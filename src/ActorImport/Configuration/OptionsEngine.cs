using System.ComponentModel;

namespace ActorImport.Configuration;

/// <summary>How import chains agree on who initialises a module. Configured as <c>actors | locks</c>.</summary>
[TypeConverter(typeof(HyphenatedEnumConverter<CoordinationMode>))]
public enum CoordinationMode
{
    /// <summary>A coordinator actor and module actors on Akka.NET (the design's protocol).</summary>
    Actors,

    /// <summary>Per-module locks with CPython's wait-for check (the benchmark baseline).</summary>
    Locks,
}

/// <summary>
/// <c>actor-import.engine</c>. Thread-safety: as <see cref="ActorImportOptions"/>.
/// </summary>
public sealed class EngineOptions
{
    /// <summary><c>coordination</c>: <c>actors | locks</c>. Default actors.</summary>
    public CoordinationMode Coordination { get; set; } = CoordinationMode.Actors;

    /// <summary>
    /// <c>max-import-depth</c>: how many module bodies one import chain may execute one inside
    /// another (a0 imports a1 imports …) before the next import is CPython's RecursionError.
    /// Default 141: the depth python3 3.11 reaches through <c>importlib.import_module</c> with
    /// its default recursion limit of 1000 (docs/reliability.md, "Bad input"). At least 1.
    /// </summary>
    [Microsoft.Extensions.Configuration.ConfigurationKeyName("max-import-depth")]
    public int MaxImportDepth { get; set; } = 141;
}

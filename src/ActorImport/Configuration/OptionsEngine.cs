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
}

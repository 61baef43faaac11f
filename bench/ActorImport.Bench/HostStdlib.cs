using ActorImport.Configuration;

namespace ActorImport.Bench;

/// <summary>The host CPython's standard library directory, the corpus several suites measure on. Stateless.</summary>
public static class HostStdlib
{
    /// <summary>The directory, found as the engine finds it for "auto" (<see cref="HostPythonPath"/>).</summary>
    public static string Directory() =>
        HostPythonPath.Detect()?.StdlibDirectory
        ?? throw new InvalidOperationException("no CPython 3.11 standard library on this machine: the side-by-side benchmarks need python3");
}

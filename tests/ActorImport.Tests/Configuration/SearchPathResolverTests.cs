using ActorImport.Configuration;

namespace ActorImport.Tests.Configuration;

public class SearchPathResolverTests
{
    [Fact]
    public void AutoBecomesTheDetectedHostPathAndOtherEntriesBecomeAbsolute()
    {
        var resolver = new SearchPathResolver(() => ["/usr/lib/python311.zip", "/usr/lib/python3.11"], "/fallback");
        var resolved = resolver.Resolve(["auto", "lib", "/abs"], relativeTo: "/work/app");
        Assert.Equal(["/usr/lib/python311.zip", "/usr/lib/python3.11", "/work/app/lib", "/abs"], resolved);
    }

    [Fact]
    public void AutoFallsBackToTheDefaultTreeWithoutCPython()
    {
        var resolver = new SearchPathResolver(() => null, "/repo/samples/default-tree");
        Assert.Equal(["/repo/samples/default-tree"], resolver.Resolve(["auto"]));
    }

    [Fact]
    public void ProbeRunsAtMostOncePerResolve()
    {
        int calls = 0;
        var resolver = new SearchPathResolver(() => { calls++; return ["/std"]; }, "/fallback");
        Assert.Equal(["/std", "/std"], resolver.Resolve(["auto", "AUTO"]));
        Assert.Equal(1, calls);
        Assert.DoesNotContain("/std", new SearchPathResolver(() => { calls++; return ["/std"]; }, "/f").Resolve(["/x"]));
        Assert.Equal(1, calls); // no "auto", no probe
    }

    [Fact]
    public void DefaultTreeIsFoundAtTheRepositoryRoot()
    {
        // Started from a folder inside the repository (the build output holds a copy of its own).
        string root = HoconTestSupport.RepositoryRoot();
        string start = Path.Combine(root, "tests", "ActorImport.Tests");
        Assert.Equal(Path.Combine(root, "samples", "default-tree"), SearchPathResolver.LocateDefaultTree(start));
    }

    [Fact]
    public void DefaultTreeNextToTheAppWhenThereIsNoRepository()
    {
        using var dir = new TempDirectory();
        dir.Write("samples/default-tree/os.py", "");
        string app = Path.Combine(dir.Path, "bin");
        Directory.CreateDirectory(app);
        Assert.Equal(Path.Combine(dir.Path, "samples", "default-tree"), SearchPathResolver.LocateDefaultTree(app));
    }

    [Fact]
    public void StdlibCheckRequiresOsPy()
    {
        using var dir = new TempDirectory();
        Assert.False(HostPythonPath.IsStdlib(dir.Path));
        dir.Write("os.py", "");
        Assert.True(HostPythonPath.IsStdlib(dir.Path));
    }
}

public class HostPythonPathTests
{
    [ActorImport.Tests.Conformance.PythonFact]
    public void DetectsTheSamePathAsPythonIsolated()
    {
        var expected = ActorImport.Tests.Conformance.PythonOracle.RunJson(
            "import sys, json; print(json.dumps([sys.path, sys._stdlib_dir]))", flags: "-I -S");
        HostPythonPath.Layout? layout = HostPythonPath.Detect("3.11");
        Assert.NotNull(layout);
        Assert.Equal(expected[0].EnumerateArray().Select(e => e.GetString()), layout.SysPath);
        Assert.Equal(expected[1].GetString(), layout.StdlibDirectory);
    }

    [Fact]
    public void LayoutOfAStandardLibraryFollowsCPythonsPrefixRules()
    {
        var layout = HostPythonPath.ForStdlib("/opt/py/lib/python3.11");
        Assert.Equal(["/opt/py/lib/python311.zip", "/opt/py/lib/python3.11", "/opt/py/lib/python3.11/lib-dynload"], layout.SysPath);
    }
}

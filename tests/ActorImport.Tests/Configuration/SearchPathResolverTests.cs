using ActorImport.Configuration;

namespace ActorImport.Tests.Configuration;

public class SearchPathResolverTests
{
    [Fact]
    public void AutoBecomesTheDetectedStandardLibraryAndOtherEntriesBecomeAbsolute()
    {
        var resolver = new SearchPathResolver(() => "/usr/lib/python3.11", "/fallback");
        var resolved = resolver.Resolve(["auto", "lib", "/abs"], relativeTo: "/work/app");
        Assert.Equal(["/usr/lib/python3.11", "/work/app/lib", "/abs"], resolved);
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
        var resolver = new SearchPathResolver(() => { calls++; return "/std"; }, "/fallback");
        Assert.Equal(["/std", "/std"], resolver.Resolve(["auto", "AUTO"]));
        Assert.Equal(1, calls);
        Assert.DoesNotContain("/std", new SearchPathResolver(() => { calls++; return "/std"; }, "/f").Resolve(["/x"]));
        Assert.Equal(1, calls); // no "auto", no probe
    }

    [Fact]
    public void DefaultTreeIsFoundAtTheRepositoryRoot()
    {
        string root = HoconTestSupport.RepositoryRoot();
        Assert.Equal(Path.Combine(root, "samples", "default-tree"), SearchPathResolver.LocateDefaultTree(AppContext.BaseDirectory));
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
        Assert.False(CPythonStdlibProbe.IsStdlib(dir.Path));
        dir.Write("os.py", "");
        Assert.True(CPythonStdlibProbe.IsStdlib(dir.Path));
    }
}

public class CPythonStdlibProbeTests
{
    [ActorImport.Tests.Conformance.PythonFact]
    public void FindsTheHostStandardLibrary()
    {
        string? stdlib = CPythonStdlibProbe.Find("3.11");
        Assert.NotNull(stdlib);
        Assert.True(File.Exists(Path.Combine(stdlib, "importlib", "_bootstrap.py")), stdlib);
    }
}

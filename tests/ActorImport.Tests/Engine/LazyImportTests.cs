using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Python.Interpreting;

namespace ActorImport.Tests.Engine;

/// <summary>PEP 810 lazy bindings reified through the engine, and the global lazy mode, against both coordinations.</summary>
public abstract class LazyImportTests : EngineTestBase
{
    [Fact]
    public void ALazyImportBindsAProxyAndTheFirstUseImportsThroughTheEngine()
    {
        Tree.Write("user.py", "lazy import heavy\nlazy from pkg import sub\n").Write("heavy.py", "H = 1\n").Write("pkg/__init__.py").Write("pkg/sub.py");
        using var engine = NewEngine();
        var user = Module(engine.ImportModule("user"));
        Assert.False(engine.Modules.ContainsKey("heavy"));
        Assert.IsType<LazyImportProxy>(user.GetAttributeOrDefault("heavy"));
        Assert.True(LazyImports.TryGetAttribute(user, "heavy", out object? heavy));
        Assert.Same(engine.Modules["heavy"], heavy);
        Assert.Same(heavy, user.GetAttributeOrDefault("heavy"));
        Assert.True(LazyImports.TryGetAttribute(user, "sub", out object? sub));
        Assert.Same(engine.Modules["pkg.sub"], sub);
    }

    [Fact]
    public void TheGlobalModeAllMakesEligibleImportsLazyAndNoneMakesEverythingEager()
    {
        Tree.Write("user.py", "import heavy\ntry:\n    import eager\nexcept ImportError:\n    pass\n").Write("heavy.py").Write("eager.py");
        using (var all = NewEngine(o => o with { Interpreter = o.Interpreter with { LazyImports = ActorImport.Model.LazyImportMode.All } }))
        {
            all.ImportModule("user");
            Assert.False(all.Modules.ContainsKey("heavy"));
            Assert.True(all.Modules.ContainsKey("eager"));
        }
        Tree.Write("explicit.py", "lazy import heavy\n");
        using var none = NewEngine(o => o with { Interpreter = o.Interpreter with { LazyImports = ActorImport.Model.LazyImportMode.None } });
        none.ImportModule("explicit");
        Assert.True(none.Modules.ContainsKey("heavy"));
    }

    [Fact]
    public void ConcurrentFirstUsesReifyOnce()
    {
        Tree.Write("user.py", "lazy import slow_heavy\n").Write("slow_heavy.py", "import time\ntime.sleep(0.05)\n");
        using var engine = NewEngine();
        var user = Module(engine.ImportModule("user"));
        long bodiesBefore = engine.Statistics.BodiesExecuted;
        var values = new object?[16];
        Parallel.For(0, values.Length, new ParallelOptions { MaxDegreeOfParallelism = values.Length }, i => LazyImports.TryGetAttribute(user, "slow_heavy", out values[i]));
        Assert.All(values, v => Assert.Same(engine.Modules["slow_heavy"], v));
        Assert.Equal(bodiesBefore + 1, engine.Statistics.BodiesExecuted);
    }
}

public sealed class ActorLazyImportTests : LazyImportTests
{
    protected override CoordinationMode Mode => CoordinationMode.Actors;
}

public sealed class LockLazyImportTests : LazyImportTests
{
    protected override CoordinationMode Mode => CoordinationMode.Locks;

    [Fact]
    public void APackagesLazyFromDotImportOfItsSubmoduleReifiesToTheSubmodule()
    {
        // `from . import sub` in a package's __init__, made lazy, binds its proxy under `sub`;
        // reifying it imports p.sub (which rebinds `sub`) instead of reading the proxy back
        // (that recursed into a stack overflow: json, logging, typing under --lazy all).
        Tree.Write("pkg/__init__.py", "from . import sub\nX = sub.Y\n").Write("pkg/sub.py", "Y = 1\n");
        using var engine = NewEngine(o => o with { Interpreter = o.Interpreter with { LazyImports = ActorImport.Model.LazyImportMode.All } });
        var pkg = Module(engine.ImportModule("pkg"));
        Assert.True(engine.Modules.ContainsKey("pkg.sub")); // `sub.Y` reified it during the body
        Assert.True(pkg.HasAttribute("X"));
        Assert.True(LazyImports.TryGetAttribute(pkg, "sub", out object? sub));
        Assert.Same(engine.Modules["pkg.sub"], sub);
    }
}

using ActorImport.Model;
using ActorImport.Python.Interpreting;

namespace ActorImport.Tests.Python.Interpreting;

public class LazyImportTests
{
    private static FakeImportSystem Tree(InterpreterOptions? options = null) => new FakeImportSystem(options)
        .Write("heavy.py", "VALUE = 'heavy'\n")
        .Write("other.py", "X = 'other'\n")
        .Write("pkg/__init__.py", "")
        .Write("pkg/sub.py", "S = 'sub'\n");

    [Fact]
    public void LazyImportIsNotResolvedUntilFirstUse()
    {
        using var fake = Tree().Write("user.py", "lazy import heavy\nlazy from other import X\nBEFORE = 1\nimport pkg.sub\nUSED = heavy.VALUE\n");
        ModuleObject user = fake.ImportModule("user");
        // heavy resolves at "USED = heavy.VALUE" (after pkg.sub); other is never used.
        Assert.Equal(["user", "pkg", "pkg.sub", "heavy"], fake.Executed);
        Assert.Equal("heavy", user.GetAttributeOrDefault("USED"));
        Assert.Same(fake.SysModules["heavy"], user.GetAttributeOrDefault("heavy"));
        var proxy = Assert.IsType<LazyImportProxy>(user.GetAttributeOrDefault("X"));
        Assert.False(proxy.IsResolved);
        Assert.False(fake.SysModules.ContainsKey("other"));
    }

    [Fact]
    public void OutsideAttributeAccessReifiesThroughTheHook()
    {
        using var fake = Tree().Write("user2.py", "lazy from other import X\nlazy import pkg.sub as S\n");
        ModuleObject user = fake.ImportModule("user2");
        Assert.Equal(["user2"], fake.Executed);
        Assert.True(LazyImports.TryGetAttribute(user, "X", out object? x));
        Assert.Equal("other", x);
        Assert.Equal("other", user.GetAttributeOrDefault("X"));
        Assert.True(LazyImports.TryGetAttribute(user, "S", out object? s));
        Assert.Same(fake.SysModules["pkg.sub"], s);
        Assert.Equal(["user2", "other", "pkg", "pkg.sub"], fake.Executed);
    }

    [Fact]
    public void FromImportInAnotherModuleReifies()
    {
        using var fake = Tree()
            .Write("holder.py", "lazy import heavy\n")
            .Write("reader.py", "from holder import heavy\nV = heavy.VALUE\n");
        ModuleObject reader = fake.ImportModule("reader");
        Assert.Equal("heavy", reader.GetAttributeOrDefault("V"));
    }

    [Fact]
    public void LazyModulesMakesNamedImportsLazy()
    {
        using var fake = Tree().Write("user3.py", "__lazy_modules__ = ['heavy', 'pkg.sub']\nimport heavy\nimport other\nfrom pkg.sub import S\nDONE = True\n");
        ModuleObject user = fake.ImportModule("user3");
        Assert.Equal(["user3", "other"], fake.Executed);
        Assert.IsType<LazyImportProxy>(user.GetAttributeOrDefault("heavy"));
        Assert.IsType<LazyImportProxy>(user.GetAttributeOrDefault("S"));
    }

    [Fact]
    public void GlobalModeAllMakesEligibleImportsLazyButNotInTry()
    {
        using var fake = Tree(new InterpreterOptions { LazyImports = LazyImportMode.All })
            .Write("user4.py", "import heavy\ntry:\n    import other\nexcept ImportError:\n    pass\nfrom pkg import *\n");
        ModuleObject user = fake.ImportModule("user4");
        Assert.Equal(["user4", "other", "pkg"], fake.Executed);
        Assert.IsType<LazyImportProxy>(user.GetAttributeOrDefault("heavy"));
    }

    [Fact]
    public void GlobalModeNoneIgnoresTheKeyword()
    {
        using var fake = Tree(new InterpreterOptions { LazyImports = LazyImportMode.None })
            .Write("user5.py", "__lazy_modules__ = ['other']\nlazy import heavy\nimport other\n");
        ModuleObject user = fake.ImportModule("user5");
        Assert.Equal(["user5", "heavy", "other"], fake.Executed);
        Assert.IsType<ModuleObject>(user.GetAttributeOrDefault("heavy"));
    }

    [Fact]
    public void ResolutionErrorsSurfaceAtFirstUse()
    {
        using var fake = Tree().Write("user6.py", "lazy import missing_thing\ntry:\n    missing_thing.x\nexcept ModuleNotFoundError:\n    CAUGHT = True\n");
        ModuleObject user = fake.ImportModule("user6");
        Assert.Equal(true, user.GetAttributeOrDefault("CAUGHT"));
    }
}

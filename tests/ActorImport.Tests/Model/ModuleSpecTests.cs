using ActorImport.Loading;
using ActorImport.Model;

namespace ActorImport.Tests.Model;

/// <summary>ModuleSpec rules that need no oracle run: cached options, the None quirk, equality, 3.12 repr.</summary>
public class ModuleSpecTests
{
    [Fact]
    public void CachedFollowsTheCreatingEnginesOptions()
    {
        var engineOptions = new BytecodeCacheOptions("actorimport-311", Optimize: 2);
        var spec = new ModuleSpec("m", null, "/p/m.py", cacheOptions: engineOptions) { HasLocation = true };
        Assert.Equal("/p/__pycache__/m.actorimport-311.opt-2.pyc", spec.Cached);

        var noTag = new ModuleSpec("m", null, "/p/m.py", cacheOptions: new BytecodeCacheOptions(null)) { HasLocation = true };
        Assert.Null(noTag.Cached);
        var pyc = new ModuleSpec("m", null, "/p/m.pyc", cacheOptions: new BytecodeCacheOptions(null)) { HasLocation = true };
        Assert.Equal("/p/m.pyc", pyc.Cached);
    }

    [Fact]
    public void CachedIsOnlyComputedWithALocation()
    {
        var spec = new ModuleSpec("m", null, "/p/m.py");
        Assert.Null(spec.Cached);
        spec.HasLocation = true;
        Assert.Equal("/p/__pycache__/m.cpython-311.pyc", spec.Cached);
        spec.Cached = "/elsewhere.pyc";
        Assert.Equal("/elsewhere.pyc", spec.Cached);
        // As in CPython, None means "not computed yet": the next read computes it again.
        spec.Cached = null;
        Assert.Equal("/p/__pycache__/m.cpython-311.pyc", spec.Cached);
        var so = new ModuleSpec("m", null, "/p/m.so") { HasLocation = true };
        Assert.Null(so.Cached);
    }

    [Fact]
    public void PythonEqualsComparesCPythonsFields()
    {
        var loader = new PlainLoader("<L>");
        ModuleSpec Make() => new("a.b", loader, "/p/a/b.py") { HasLocation = true };
        Assert.True(Make().PythonEquals(Make()));
        Assert.False(Make().Equals(Make()));

        ModuleSpec other = Make();
        other.HasLocation = false;
        Assert.False(Make().PythonEquals(other));
        other = Make();
        other.Cached = "/x.pyc";
        Assert.False(Make().PythonEquals(other));
        other = Make();
        other.Loader = new PlainLoader("<L>");
        Assert.False(Make().PythonEquals(other));
        other = Make();
        other.SubmoduleSearchLocations = new List<string>();
        Assert.False(Make().PythonEquals(other));
        other = Make();
        other.LoaderState = "ignored by __eq__";
        Assert.True(Make().PythonEquals(other));

        ModuleSpec p1 = Make(), p2 = Make();
        p1.SubmoduleSearchLocations = new List<string> { "/p/a" };
        p2.SubmoduleSearchLocations = new List<string> { "/p/a" };
        Assert.True(p1.PythonEquals(p2));
    }

    [Fact]
    public void NamespaceModuleReprIn312Style()
    {
        // python3 here is 3.11, so the 3.12+ form is checked against _module_repr_from_spec's text.
        var spec = new ModuleSpec("ns", null, isPackage: true) { SubmoduleSearchLocations = new List<string> { "/a/ns", "/b/ns" } };
        ModuleObject module = ImportUtil.ModuleFromSpec(spec);
        Assert.Equal(LoaderKind.Namespace, LoaderKinds.Of(module.Loader));
        Assert.Equal("<module 'ns' (namespace) from ['/a/ns', '/b/ns']>", ModuleRepr.Of(module, ModuleReprStyle.Python312));
        Assert.StartsWith("<module 'ns' (<_frozen_importlib_external.NamespaceLoader object at 0x", module.ToString());
    }

    [Fact]
    public void ModuleTypeStartsWithCPythonsDunders()
    {
        var module = new ModuleObject("m");
        Assert.Equal(["__name__", "__doc__", "__package__", "__loader__", "__spec__"], module.AttributeNames());
        Assert.All(module.Items().Skip(1), item => Assert.Null(item.Value));
        Assert.False(module.IsPackage);
    }

    [Fact]
    public void SyntaxErrorDescribeFollowsSyntaxErrorStr()
    {
        Assert.Equal("bad (b.py, line 3)", new PythonSyntaxError("bad", "/a/b.py", 3, 1, null).Describe());
        Assert.Equal("bad (line 3)", new PythonSyntaxError("bad", null, 3, 1, null).Describe());
        Assert.Equal("bad", new PythonSyntaxError("bad", null, 0, 0, null).Describe());
    }
}

/// <summary>module_from_spec with a loader that creates its own module object.</summary>
public class ModuleFromSpecTests
{
    private sealed class OwnModuleLoader(ModuleObject made) : ILoader
    {
        public ModuleObject? CreateModule(ModuleSpec spec) => made;

        public void ExecModule(ModuleObject module)
        {
        }
    }

    [Fact]
    public void TheLoadersModuleIsUsedAndOnlyAbsentAttributesAreFilled()
    {
        var made = new ModuleObject("custom") { Package = "kept" };
        var loader = new OwnModuleLoader(made);
        var spec = new ModuleSpec("x.y", loader);

        ModuleObject module = ActorImport.Loading.ImportUtil.ModuleFromSpec(spec);

        Assert.Same(made, module);
        Assert.Equal("custom", module.Name);
        Assert.Equal("kept", module.Package);
        Assert.Same(loader, module.Loader);
        Assert.Same(spec, module.Spec);
        Assert.False(module.HasAttribute("__file__"));
    }
}

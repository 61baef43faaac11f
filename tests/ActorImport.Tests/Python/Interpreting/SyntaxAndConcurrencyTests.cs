using ActorImport.Model;
using ActorImport.Python.Caching;
using ActorImport.Python.Interpreting;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Python.Interpreting;

public class SyntaxAndConcurrencyTests
{
    [PythonFact]
    public void SyntaxErrorSurfacesWithFileLineOffsetAndText()
    {
        using var fake = new FakeImportSystem().Write("bad_syntax.py", "import os\nif True\n    x = 1\n");
        var error = Assert.Throws<PythonSyntaxError>(() => fake.ImportModule("bad_syntax"));
        var python = PythonOracle.RunJson(
            "import sys, json\nsys.path.insert(0, sys.argv[1])\ntry:\n    import bad_syntax\nexcept SyntaxError as e:\n    print(json.dumps([type(e).__name__, e.msg, e.filename, e.lineno, e.offset, e.text]))",
            [fake.Root]);
        Assert.Equal(python[0].GetString(), error.TypeName);
        Assert.Equal(python[1].GetString(), error.Message);
        Assert.Equal(python[2].GetString(), error.FileName);
        Assert.Equal(python[3].GetInt32(), error.Line);
        Assert.Equal(python[4].GetInt32(), error.Offset);
        Assert.Equal(python[5].GetString()?.TrimEnd('\n'), error.Text?.TrimEnd('\n'));
    }

    [Fact]
    public void ConcurrentFirstUsesOfALazyBindingImportOnce()
    {
        int imports = 0;
        var proxy = new LazyImportProxy("heavy", null, 1, () =>
        {
            Interlocked.Increment(ref imports);
            Thread.Sleep(20);
            return new ModuleObject("heavy");
        });
        var module = new ModuleObject("holder");
        module.SetAttribute("heavy", proxy);
        var results = new object?[8];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            LazyImports.TryGetAttribute(module, "heavy", out results[i]);
        });
        Assert.Equal(1, imports);
        Assert.All(results, r => Assert.Same(results[0], r));
        Assert.Same(results[0], module.GetAttributeOrDefault("heavy"));
    }

    [Fact]
    public void OneInterpreterRunsModulesOnSeveralThreads()
    {
        using var fake = new FakeImportSystem();
        var interpreter = new ModuleInterpreter(new PermissiveImports());
        string path = Path.Combine(fake.Root, "shared.py");
        File.WriteAllText(path, "import sys\nif sys.version_info >= (3, 8):\n    NEW = True\nX = [1, 2]\n");
        var code = SourceModuleRunner.Compile(File.ReadAllBytes(path), path);
        var modules = Enumerable.Range(0, 16).Select(i => new ModuleObject($"m{i}")).ToArray();
        Parallel.ForEach(modules, m => interpreter.Execute(code, m));
        Assert.All(modules, m => Assert.Equal(true, m.GetAttributeOrDefault("NEW")));
        Assert.NotSame(modules[0].GetAttributeOrDefault("X"), modules[1].GetAttributeOrDefault("X"));
    }

    private sealed class PermissiveImports : IImportCallback
    {
        public object? Import(string name, ModuleObject globals, IReadOnlyList<string>? fromlist, int level) => new OpaqueBuiltinModule(name.Split('.')[0]);

        public bool TryGetSysModule(string name, out object? module)
        {
            module = null;
            return false;
        }

        public void SetSysModule(string name, object? value)
        {
        }

        public bool RemoveSysModule(string name) => false;
    }
}

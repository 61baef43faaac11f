using ActorImport.Model;
using ActorImport.Python.Caching;
using ActorImport.Python.Interpreting;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Python.Interpreting;

/// <summary>
/// Runs every top-level stdlib module body against a callback that answers every import with an
/// opaque module: none may fail (CPython imports them all on Linux), and the interpreter must
/// never fail with anything but a Python exception. (Sub-packages were swept too while writing
/// this: only win32-only modules raised, as they do under CPython.)
/// </summary>
public class StdlibSweepTests
{
    /// <summary>Every import succeeds with an opaque module; sys.modules is a plain dictionary.</summary>
    private sealed class PermissiveCallback : IImportCallback
    {
        private readonly Dictionary<string, object?> _modules = new(StringComparer.Ordinal);

        public object? Import(string name, ModuleObject globals, IReadOnlyList<string>? fromlist, int level)
        {
            string key = fromlist is { Count: > 0 } ? name : name.Split('.')[0];
            if (!_modules.TryGetValue(key, out object? module))
            {
                module = new OpaqueBuiltinModule(key.Length == 0 ? "pkg" : key);
                _modules[key] = module;
            }
            return module;
        }

        public bool TryGetSysModule(string name, out object? module) => _modules.TryGetValue(name, out module);

        public void SetSysModule(string name, object? value) => _modules[name] = value;

        public bool RemoveSysModule(string name) => _modules.Remove(name);
    }

    [PythonFact]
    public void EveryTopLevelStdlibModuleRunsOrRaisesAPythonException()
    {
        var failures = new List<string>();
        var pyFailures = new List<string>();
        int ran = 0;
        foreach (string path in Directory.GetFiles(PythonOracle.Stdlib, "*.py").Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileNameWithoutExtension(path);
            var module = new ModuleObject(name);
            module.SetAttribute("__file__", path);
            module.SetAttribute("__package__", string.Empty);
            var runner = new SourceModuleRunner(new ModuleInterpreter(new PermissiveCallback(), new InterpreterOptions { HonourSleep = false }));
            try
            {
                runner.Run(module, path);
                ran++;
            }
            catch (PythonException e)
            {
                ran++;
                pyFailures.Add($"{name}: {e}");
            }
            catch (Exception e)
            {
                failures.Add($"{name}: {e.GetType().Name}: {e.Message}");
            }
        }
        Assert.True(ran > 150, $"only {ran} modules ran");
        Assert.Empty(failures);
        Assert.True(pyFailures.Count == 0, string.Join("\n", pyFailures));
    }
}

using System.Text.Json;
using ActorImport.Model;
using ActorImport.Python.Interpreting;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Python.Interpreting;

/// <summary>
/// Real-world packages installed next to the host's CPython (its site-packages), imported by
/// <c>python3 -I -S</c> with site-packages first on sys.path and through the interpreter over a
/// <see cref="FakeImportSystem"/> on the same directories: the import succeeds or fails alike and
/// adds the same modules to sys.modules. A package that is not installed on this machine fails
/// the test with that reason. dateutil, requests and networkx differ, for reasons given in
/// docs/interpreter.md (a meta-path hook of six's, imports made from C, an encodings loop).
/// </summary>
public class RealPackagesTests
{
    private const string Script = """
        import sys, json
        sys.path.insert(0, sys.argv[1])
        before = set(sys.modules)
        error = None
        try:
            __import__(sys.argv[2])
        except BaseException as e:
            error = type(e).__name__
        print(json.dumps({'startup': sorted(before), 'error': error, 'added': sorted(set(sys.modules) - before)}))
        """;

    private static string SitePackages => Path.Combine(PythonOracle.Stdlib, "site-packages");

    [PythonTheory]
    [InlineData("attr")]
    [InlineData("blinker")]
    [InlineData("idna")]
    [InlineData("certifi")]
    [InlineData("jmespath")]
    [InlineData("click")]
    [InlineData("jinja2")]
    [InlineData("urllib3")]
    [InlineData("pyparsing")]
    public void ImportAddsTheModulesCPythonAdds(string package)
    {
        Assert.True(Directory.Exists(Path.Combine(SitePackages, package.Split('.')[0])), $"{package} is not installed in {SitePackages}");
        JsonElement cpython = PythonOracle.RunJson(Script, [SitePackages, package], flags: "-I -S -W ignore");
        using var fake = new FakeImportSystem(new InterpreterOptions { HonourSleep = false }, root: SitePackages, fallbackRoot: PythonOracle.Stdlib);
        foreach (JsonElement startup in cpython.GetProperty("startup").EnumerateArray())
        {
            try
            {
                fake.Import(startup.GetString()!);
            }
            catch (PythonException)
            {
                fake.Put(startup.GetString()!, new ModuleObject(startup.GetString()!));
            }
        }
        var before = fake.SysModules.Keys.ToHashSet(StringComparer.Ordinal);
        string? error = null;
        try
        {
            fake.Import(package);
        }
        catch (PythonException e)
        {
            error = e.TypeName;
        }
        string[] added = fake.SysModules.Keys.Where(k => !before.Contains(k)).Order(StringComparer.Ordinal).ToArray();
        string[] expected = cpython.GetProperty("added").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(cpython.GetProperty("error").GetString(), error);
        Assert.True(expected.SequenceEqual(added), $"missing [{string.Join(", ", expected.Except(added))}] extra [{string.Join(", ", added.Except(expected))}]\n{string.Join("\n", fake.Diagnostics.Where(d => d.FileName?.StartsWith(SitePackages, StringComparison.Ordinal) == true).Take(40))}");
    }
}

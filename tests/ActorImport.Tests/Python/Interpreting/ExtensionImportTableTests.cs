using ActorImport.Python.Interpreting.Facts;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Python.Interpreting;

/// <summary>
/// The recorded imports of CPython's extension-module initialisers
/// (src/ActorImport/Python/Interpreting/Facts/cpython-3.11-linux-extension-imports.json) are
/// what this machine's python3 does today: the recording script is run again and its output
/// compared with the embedded file. On a machine whose python3 is not 3.11 on Linux the test
/// fails with that reason rather than passing.
/// </summary>
public class ExtensionImportTableTests
{
    private static string FactsDirectory => Path.Combine(RepositoryPaths.Root(), "src", "ActorImport", "Python", "Interpreting", "Facts");

    [PythonFact]
    public void TheRecordedExtensionImportsAreThisMachinesCPython()
    {
        string version = PythonOracle.RunScript("import sys; print('%d.%d-%s' % (sys.version_info[0], sys.version_info[1], sys.platform))", flags: "-I -S").Trim();
        Assert.Equal("3.11-linux", version);
        string output = PythonOracle.RunScript(File.ReadAllText(Path.Combine(FactsDirectory, "record-extension-imports.py")), flags: "-I -S");
        Assert.Equal(File.ReadAllText(Path.Combine(FactsDirectory, "cpython-3.11-linux-extension-imports.json")), output);
    }

    [Fact]
    public void TheEmbeddedTableListsImportsInOrderAndRegisteredSubmodules()
    {
        ExtensionImportTable table = ExtensionImportTable.Parse("""{"_x": {"imports": [["a", [], 0], ["b.c", ["d"], 0]], "registers": ["_x.e"]}}""");
        Assert.True(table.TryGet("_x", out ExtensionInit init));
        Assert.Equal(["a", "b.c"], init.Imports.Select(i => i.Name));
        Assert.Equal(["d"], init.Imports[1].Fromlist);
        Assert.Equal(["_x.e"], init.Registers);
        Assert.False(table.TryGet("_y", out _));
        Assert.False(ExtensionImportTable.For(new Version(3, 11), "win32").TryGet("_decimal", out _));
    }
}

using ActorImport.Python.Interpreting.Facts;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Python.Interpreting;

/// <summary>
/// The recorded facts about CPython's built-in and extension modules
/// (src/ActorImport/Python/Interpreting/Facts/cpython-3.11-linux.*) are what this machine's
/// python3 says today: the recording script is run again and its output compared with the
/// embedded files. On a machine whose python3 is not 3.11 on Linux there is nothing to compare
/// with, and the test says so by failing with that reason rather than passing.
/// </summary>
public class ModuleAttributeTableTests
{
    private static string FactsDirectory => Path.Combine(RepositoryPaths.Root(), "src", "ActorImport", "Python", "Interpreting", "Facts");

    [PythonFact]
    public void TheRecordedFactsAreThisMachinesCPython()
    {
        string version = PythonOracle.RunScript("import sys; print('%d.%d-%s' % (sys.version_info[0], sys.version_info[1], sys.platform))", flags: "-I -S").Trim();
        Assert.Equal("3.11-linux", version);
        string output = PythonOracle.RunScript(File.ReadAllText(Path.Combine(FactsDirectory, "record-module-facts.py")), flags: "-I -S");
        int split = output.IndexOf("\n---\n", StringComparison.Ordinal);
        string names = output[..(split + 1)];
        string constants = output[(split + 5)..];
        Assert.Equal(File.ReadAllText(Path.Combine(FactsDirectory, "cpython-3.11-linux.txt")), names);
        Assert.Equal(File.ReadAllText(Path.Combine(FactsDirectory, "cpython-3.11-linux.json")), constants);
    }

    [Fact]
    public void TheEmbeddedTableAnswersForModulesAndTheirClasses()
    {
        ModuleAttributeTable table = ModuleAttributeTable.For(new Version(3, 11), "linux");
        Assert.True(table.Has("posix", "fork"));
        Assert.False(table.Has("posix", "startfile"));
        Assert.True(table.Has("_socket.socket", "__name__"));
        Assert.Null(table.Has("not_a_builtin", "x"));
        Assert.Same(ModuleAttributeTable.Empty, ModuleAttributeTable.For(new Version(3, 11), "win32"));
    }
}

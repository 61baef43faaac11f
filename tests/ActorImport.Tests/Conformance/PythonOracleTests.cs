namespace ActorImport.Tests.Conformance;

public class PythonOracleTests
{
    [PythonFact]
    public void OracleIsCPython311()
    {
        var info = PythonOracle.RunJson("import sys, json; print(json.dumps([sys.implementation.name, sys.version_info[:2]]))");
        Assert.Equal("cpython", info[0].GetString());
        Assert.Equal(3, info[1][0].GetInt32());
        Assert.Equal(11, info[1][1].GetInt32());
        Assert.True(Directory.Exists(PythonOracle.Stdlib));
    }
}

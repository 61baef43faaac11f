using ActorImport.Model;

namespace ActorImport.Tests;

public class ModelSmokeTests
{
    [Fact]
    public void ModuleNotFoundErrorIsAnImportError()
    {
        var e = ModuleNotFoundError.NoModuleNamed("x");
        Assert.True(e.IsInstanceOf("ImportError"));
        Assert.Equal("No module named 'x'", e.Message);
    }
}

using ActorImport.Model;
using ActorImport.Python.Interpreting;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Python.Interpreting;

/// <summary>
/// Real packages of the host's standard library, imported through the fake import system (pure
/// Python only: the C accelerators are missing, so their try/except fallbacks run) and compared
/// with what CPython binds (run with -S, so that site's start-up imports do not bind extra
/// submodules such as <c>collections.abc</c>). Kept small for the suite's time budget; email,
/// unittest, argparse, dataclasses, concurrent.futures and xml.etree.ElementTree matched too when
/// this was written. Known differences: http.client (<c>globals().update(HTTPStatus.__members__)</c>
/// is not followed: the module is marked as having unknown names, so readers get opaque values) and
/// asyncio (<c>if hasattr(socket, 'AF_UNIX')</c> is undecided, so taken as false).
/// </summary>
public class RealStdlibTests
{
    [PythonTheory]
    [InlineData("json")]
    [InlineData("collections")]
    [InlineData("logging")]
    [InlineData("typing")]
    [InlineData("importlib.util")]
    public void PublicNamesMatchCPython(string package)
    {
        using var fake = new FakeImportSystem(new InterpreterOptions { HonourSleep = false }, root: PythonOracle.Stdlib);
        ModuleObject module = fake.ImportModule(package);
        string[] ours = TreeOracle.BoundNames(module).Where(n => !n.StartsWith('_')).ToArray();
        string[] cpython = TreeOracle.BoundNames(PythonOracle.Stdlib, package, flags: "-S").Where(n => !n.StartsWith('_')).ToArray();
        Assert.Equal(cpython, ours);
    }
}

using ActorImport.Model;
using ActorImport.Python.Interpreting;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Python.Interpreting;

/// <summary>
/// Real packages of the host's standard library, imported through the fake import system (pure
/// Python only: the C accelerators are missing, so their try/except fallbacks run) and compared
/// with what CPython binds (run with -S, so that site's start-up imports do not bind extra
/// submodules such as <c>collections.abc</c>). Known differences, both from enum's machinery,
/// which the interpreter does not run through (its classes come out of metaclass code): socket
/// (<c>IntEnum._convert_</c> binds AddressFamily and the members) and http.client
/// (<c>globals().update(HTTPStatus.__members__)</c>: the module is marked as having unknown
/// names, so readers get opaque values, not errors).
/// </summary>
public class RealStdlibTests
{
    [PythonTheory]
    [InlineData("json")]
    [InlineData("collections")]
    [InlineData("logging")]
    [InlineData("typing")]
    [InlineData("importlib.util")]
    [InlineData("asyncio")]
    [InlineData("email.message")]
    [InlineData("dataclasses")]
    [InlineData("subprocess")]
    public void PublicNamesMatchCPython(string package)
    {
        using var fake = new FakeImportSystem(new InterpreterOptions { HonourSleep = false }, root: PythonOracle.Stdlib);
        ModuleObject module = fake.ImportModule(package);
        string[] ours = TreeOracle.BoundNames(module).Where(n => !n.StartsWith('_')).ToArray();
        string[] cpython = TreeOracle.BoundNames(PythonOracle.Stdlib, package, flags: "-S").Where(n => !n.StartsWith('_')).ToArray();
        Assert.Equal(cpython, ours);
    }
}

using ActorImport.Model;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Python.Interpreting;

public class ExceptionTests
{
    [PythonFact]
    public void TryExceptElseFinallyFollowCPython()
    {
        const string Source = """
            try:
                import nonexistent_a
            except ImportError as e:
                CAUGHT = 'import'
            else:
                CAUGHT = 'none'
            finally:
                FIN = 1
            try:
                import json_missing_xyz
            except (KeyError, ModuleNotFoundError):
                TUPLE = True
            try:
                pass
            except ImportError:
                ELSE = False
            else:
                ELSE = True
            try:
                raise ValueError('boom')
            except:
                BARE = True
            try:
                try:
                    raise KeyError('k')
                except LookupError:
                    raise
            except KeyError as err:
                RERAISED = True
            class MyError(ImportError):
                pass
            try:
                raise MyError('mine')
            except ImportError:
                USER = True
            """;
        using var fake = new FakeImportSystem().Write("tries.py", Source);
        ModuleObject module = fake.ImportModule("tries");
        string[] names = ["CAUGHT", "FIN", "TUPLE", "ELSE", "BARE", "RERAISED", "USER"];
        Assert.Equal(TreeOracle.Reprs(fake.Root, "tries", names), TreeOracle.Reprs(module, names));
        Assert.Equal(TreeOracle.BoundNames(fake.Root, "tries"), TreeOracle.BoundNames(module));
    }

    private static readonly string[] RaisingBodies =
    [
        "raise ValueError('bad value')\n",
        "raise ImportError('no luck') from None\n",
        "raise RuntimeError\n",
        "try:\n    import missing_mod_q\nexcept KeyError:\n    pass\n",
        "try:\n    raise OSError('x')\nexcept ImportError:\n    pass\nfinally:\n    Y = 1\n",
        "raise KeyError('k', 2)\n",
        "assert 1 == 2, 'nope'\n",
    ];

    [PythonFact]
    public void RaisedExceptionsKeepTypeAndMessage()
    {
        using var fake = new FakeImportSystem();
        string[] names = RaisingBodies.Select((_, i) => $"raises_{i}").ToArray();
        for (int i = 0; i < names.Length; i++)
        {
            fake.Write(names[i] + ".py", RaisingBodies[i]);
        }
        var expected = TreeOracle.Errors(fake.Root, names.Select(n => "import " + n).ToArray());
        for (int i = 0; i < names.Length; i++)
        {
            var error = Assert.ThrowsAny<PythonException>(() => fake.ImportModule(names[i]));
            Assert.Equal(expected[i], (error.TypeName, error.Message));
        }
    }

    [Fact]
    public void RaisedImportErrorIsAnImportErrorInstance()
    {
        using var fake = new FakeImportSystem().Write("raiseimp.py", "raise ModuleNotFoundError('gone', name='gone')\n");
        var error = Assert.IsType<ModuleNotFoundError>(Assert.ThrowsAny<PythonException>(() => fake.ImportModule("raiseimp")));
        Assert.Equal("gone", error.Name);
    }
}

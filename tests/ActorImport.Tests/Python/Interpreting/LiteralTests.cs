using ActorImport.Model;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Python.Interpreting;

public class LiteralTests
{
    /// <summary>Literals the interpreter computes (ints beyond 64 bits and complex numbers stay opaque).</summary>
    [PythonFact]
    public void LiteralValuesMatchCPythonsRepr()
    {
        const string Source = """
            A = 'tab\there\nnew \\ back \'q\' "d" \x41\u00e9\101'
            B = b'\x00\xff\n raw'
            C = r'C:\path\n', rb'\x00'
            D = '''triple
            line'''
            E = 1_000_000 + 0x_ff + 0o17 + 0b101
            F = 1.5e3, .25, 10.
            G = "it's"
            H = f'plain {{braces}}'
            J = ('a',), [], {}, {'x': None}
            K = 7 // -2, -7 % 3, 2 ** 62
            L = 'abc'[::-1], (1, 2, 3, 4)[1:3], 'abcdef'[-2:]
            M = 'x' * 3 + 'y'
            N = u'unicode' 'cat'
            """;
        using var fake = new FakeImportSystem().Write("literals.py", Source);
        ModuleObject module = fake.ImportModule("literals");
        string[] names = ["A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N"];
        var expected = TreeOracle.Reprs(fake.Root, "literals", names);
        var actual = TreeOracle.Reprs(module, names);
        Assert.All(names, n => Assert.Equal($"{n} = {expected[n]}", $"{n} = {actual[n]}"));
    }
}

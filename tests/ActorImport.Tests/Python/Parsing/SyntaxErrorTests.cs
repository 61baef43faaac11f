using System.Text.Json;
using ActorImport.Model;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Python.Parsing;

/// <summary>
/// Malformed statements: our error must have CPython's type, message, file and line (asked of
/// python3's <c>compile()</c> at test time, in one process for all snippets).
/// </summary>
public class SyntaxErrorTests
{
    private static readonly string[] Snippets =
    [
        "if x\n    pass\n",
        "if x:\npass\n",
        "if x:\n    pass\nelif y:\nz = 1\n",
        "if x:\n    pass\nelse:\n\nz = 1\n",
        "def f():\nreturn\n",
        "async def f():\nreturn\n",
        "class C:\n\nx = 1\n",
        "for x in y:\npass\n",
        "for x in y:\n    pass\nelse:\npass\n",
        "while x:\npass\n",
        "with a as b:\npass\n",
        "try:\npass\n",
        "try:\n    pass\nexcept:\npass\n",
        "try:\n    pass\nexcept* E:\npass\n",
        "try:\n    pass\nfinally:\npass\n",
        "match x:\n    case 1:\n    pass\n",
        "try:\n    pass\nx = 1\n",
        "try:\n    pass\n",
        "x = = 1\n",
        "import\n",
        "import a.\n",
        "from x import a,\n",
        "from import a\n",
        "from . import\n",
        "f() = 1\n",
        "1 = x\n",
        "None = 1\n",
        "x y\n",
        "print 'hello'\n",
        "with a as b\n    pass\n",
        "while x\n    pass\n",
        "def f()\n    pass\n",
        "class C\n    pass\n",
        "try:\n    pass\nexcept A, B:\n    pass\n",
        "else:\n    pass\n",
        "x = 1 +\n",
        "def f(x y):\n    pass\n",
        "x = (1,\n",
        "a, b += 1\n",
        "@decorator\nx = 1\n",
        "global\n",
        "del\n",
        "x = [a b]\n",
        "f(a, b c)\n",
        "d = {\n    1: 2\n    3: 4\n}\n",
        "x = (1 2)\n",
        "return 1\n",
        "class C:\n    return\n",
        "break\n",
        "continue\n",
        "for x in y:\n    pass\nelse:\n    break\n",
        "while x:\n    def f():\n        continue\n",
        "while x:\n    try:\n        pass\n    finally:\n        break\n",
        "nonlocal x\n",
        "import os\nfrom __future__ import annotations\n",
        "'''doc'''\nfrom __future__ import annotations\nfrom __future__ import division\nx = 1\n",
        "from __future__ import braces\n",
        "from __future__ import nope\n",
        "from __future__ import annotations; import os; from __future__ import division\n",
        "if x:\n    from __future__ import annotations\n",
        "\"doc\"\n\"not doc\"\nfrom __future__ import annotations\n",
    ];

    private const string OracleScript = """
        import json, sys
        out = []
        for source in json.loads(sys.stdin.read()):
            try:
                compile(source, '<test>', 'exec')
                out.append(None)
            except SyntaxError as e:
                out.append([type(e).__name__, e.msg, e.filename, e.lineno, e.offset])
        print(json.dumps(out))
        """;

    [PythonFact]
    public void ErrorsMatchCPython()
    {
        JsonElement expected = PythonOracle.RunJson(OracleScript, stdin: JsonSerializer.Serialize(Snippets));
        var mismatches = new List<string>();
        for (int i = 0; i < Snippets.Length; i++)
        {
            JsonElement cpython = expected[i];
            string theirs = cpython.ValueKind == JsonValueKind.Null
                ? "no error"
                : $"{cpython[0].GetString()}: {cpython[1].GetString()} ({cpython[2].GetString()}, line {cpython[3].GetInt32()})";
            string ours;
            try
            {
                Parse.Module(Snippets[i]);
                ours = "no error";
            }
            catch (PythonSyntaxError e)
            {
                ours = $"{e.TypeName}: {e.Message} ({e.FileName}, line {e.Line})";
            }
            if (ours != theirs)
            {
                mismatches.Add($"{JsonSerializer.Serialize(Snippets[i])}\n    CPython: {theirs}\n    ours:    {ours}");
            }
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {Snippets.Length} differ:\n" + string.Join("\n", mismatches));
    }
}

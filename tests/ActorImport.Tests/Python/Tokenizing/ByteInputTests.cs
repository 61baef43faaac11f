using System.Text.Json;
using ActorImport.Model;
using ActorImport.Python.Tokenizing;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Python.Tokenizing;

/// <summary>
/// Source bytes as an import reads them: CPython's answer is tokenize over
/// <c>importlib.util.decode_source(bytes)</c> (cookie or BOM, then universal newlines).
/// </summary>
public sealed class ByteInputTests
{
    private static readonly Dictionary<string, byte[]> Sources = new()
    {
        ["crlf"] = "if x:\r\n    y = 'a'\r\n\r\nz = (1,\r\n  2)\r\n"u8.ToArray(),
        ["lone_cr"] = "x = 1\ry = 2\r"u8.ToArray(),
        ["bom"] = [0xEF, 0xBB, 0xBF, .. "x = 'ü'\n"u8],
        ["latin1_cookie"] = [.. "# -*- coding: latin-1 -*-\ns = '"u8, 0xE9, .. "'\n"u8],
        ["cookie_on_second_line"] = [.. "#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-15 :\nname = '"u8, 0xA4, .. "'\n"u8],
    };

    [PythonFact]
    public void DecodedBytesTokenizeAsTokenizeDoesAfterDecodeSource()
    {
        const string script = """
import sys, json, tokenize, io, importlib.util
cases = {k: bytes(v) for k, v in json.load(sys.stdin).items()}
out = {}
for name, data in cases.items():
    text = importlib.util.decode_source(data)
    out[name] = [[tokenize.tok_name[t.type], t.string, *t.start, *t.end] for t in tokenize.generate_tokens(io.StringIO(text).readline)]
print(json.dumps(out))
""";
        string input = JsonSerializer.Serialize(Sources.ToDictionary(c => c.Key, c => c.Value.Select(b => (int)b).ToArray()));
        JsonElement answer = PythonOracle.RunJson(script, stdin: input);
        var mismatches = new List<string>();
        foreach ((string name, byte[] bytes) in Sources)
        {
            string expected = string.Join("\n", answer.GetProperty(name).EnumerateArray().Select(a => new Token(
                StdlibOracle.KindOf(a[0].GetString()!), a[1].GetString()!, new(a[2].GetInt32(), a[3].GetInt32()), new(a[4].GetInt32(), a[5].GetInt32()))));
            string actual = string.Join("\n", Tokenizer.Tokenize(bytes, name + ".py"));
            if (expected != actual)
            {
                mismatches.Add($"{name}:\nexpected:\n{expected}\nactual:\n{actual}");
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n\n", mismatches));
    }

    [PythonFact]
    public void UnknownEncodingIsASyntaxError()
    {
        var error = Assert.Throws<PythonSyntaxError>(() => Tokenizer.Tokenize("# coding: no-such-codec\nx = 1\n"u8.ToArray(), "bad.py"));
        Assert.Equal("SyntaxError", error.TypeName);
        Assert.Contains("unknown encoding", error.Message);
    }
}

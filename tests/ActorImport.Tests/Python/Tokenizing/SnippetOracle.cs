using System.Text.Json;
using ActorImport.Python.Tokenizing;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Python.Tokenizing;

/// <summary>
/// CPython's answers for the small sources of <see cref="TokenizerSnippets"/>, asked in ONE
/// python3 process: tokenize's tokens for the valid ones (read as UTF-8 bytes, as a file
/// is) and compile()'s exception for the invalid ones. Immutable once built.
/// </summary>
public sealed class SnippetOracle
{
    private const string Script = """
import sys, json, tokenize, io, warnings
warnings.simplefilter('ignore')
cases = json.load(sys.stdin)
tokens, errors = {}, {}
for name, src in cases['tokens'].items():
    toks = list(tokenize.tokenize(io.BytesIO(src.encode('utf-8')).readline))[1:]
    tokens[name] = [[tokenize.tok_name[t.type], t.string, t.start[0], t.start[1], t.end[0], t.end[1]] for t in toks]
for name, src in cases['errors'].items():
    try:
        compile(src.encode('utf-8'), 'snippet.py', 'exec', dont_inherit=True)
        errors[name] = None
    except SyntaxError as e:
        errors[name] = [type(e).__name__, e.msg, e.lineno, e.offset]
print(json.dumps({'tokens': tokens, 'errors': errors}))
""";

    public SnippetOracle()
    {
        if (!PythonOracle.IsAvailable)
        {
            return;
        }
        string input = JsonSerializer.Serialize(new
        {
            tokens = TokenizerSnippets.Valid.ToDictionary(c => c.Key, c => c.Value),
            errors = TokenizerSnippets.Invalid.ToDictionary(c => c.Key, c => c.Value),
        });
        JsonElement answer = PythonOracle.RunJson(Script, stdin: input);
        Tokens = answer.GetProperty("tokens").EnumerateObject().ToDictionary(p => p.Name, p => (IReadOnlyList<Token>)p.Value.EnumerateArray()
            .Select(a => new Token(StdlibOracle.KindOf(a[0].GetString()!), a[1].GetString()!,
                new SourcePosition(a[2].GetInt32(), a[3].GetInt32()), new SourcePosition(a[4].GetInt32(), a[5].GetInt32())))
            .ToArray());
        Errors = answer.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null
            ? null
            : new CPythonError(p.Value[0].GetString()!, p.Value[1].GetString()!, p.Value[2].ValueKind == JsonValueKind.Number ? p.Value[2].GetInt32() : 0, p.Value[3].ValueKind == JsonValueKind.Number ? p.Value[3].GetInt32() : 0));
    }

    public IReadOnlyDictionary<string, IReadOnlyList<Token>> Tokens { get; } = new Dictionary<string, IReadOnlyList<Token>>();

    /// <summary>compile()'s error per invalid snippet (<c>null</c> if CPython accepted it).</summary>
    public IReadOnlyDictionary<string, CPythonError?> Errors { get; } = new Dictionary<string, CPythonError?>();

    public sealed record CPythonError(string TypeName, string Message, int Line, int Offset);
}

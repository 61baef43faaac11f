using System.Text;
using System.Text.Json;
using ActorImport.Python.Tokenizing;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Python.Tokenizing;

/// <summary>
/// What CPython says about its own standard library, asked once per test class in ONE python3
/// process: every .py file (recursively, tests included), the files that CPython's
/// <c>tokenize</c> or <c>compile()</c> rejects, and tokenize's token stream for a deterministic
/// sample. Immutable once built.
/// </summary>
public sealed class StdlibOracle
{
    /// <summary>Set to 1 to compare every file rather than the sample (slow; for development).</summary>
    public const string CompareAllVariable = "ACTORIMPORT_TOKENIZE_COMPARE_ALL";

    // Sample: every 5th file in sorted order, plus the first files that hold tabs in indentation,
    // CRLF, non-ASCII text, f-strings, backslash continuations or a byte order mark.
    private const string Script = """
import sys, os, json, tokenize, io, warnings
warnings.simplefilter('ignore')
root, compare_all = sys.argv[1], sys.argv[2] == '1'
files = []
for d, dirs, names in os.walk(root):
    dirs[:] = sorted(x for x in dirs if x != 'site-packages' and x != '__pycache__')
    files.extend(os.path.join(d, n) for n in sorted(names) if n.endswith('.py'))
files.sort()
rejected = {}
for f in files:
    data = open(f, 'rb').read()
    try:
        for _ in tokenize.tokenize(io.BytesIO(data).readline): pass
        compile(data, f, 'exec', dont_inherit=True)
    except (SyntaxError, tokenize.TokenError, ValueError, UnicodeDecodeError) as e:
        rejected[f] = type(e).__name__ + ': ' + str(e)
features = {
    'tabs': lambda b: b'\n\t' in b, 'crlf': lambda b: b'\r\n' in b,
    'nonascii': lambda b: any(c > 127 for c in b), 'fstring': lambda b: b'f"' in b or b"f'" in b,
    'continuation': lambda b: b'\\\n' in b, 'bom': lambda b: b.startswith(b'\xef\xbb\xbf'),
}
sample = set(files[::5]) if not compare_all else set(files)
for name, test in features.items():
    sample.update([f for f in files if f not in rejected and test(open(f, 'rb').read())][:15])
out = []
for f in sorted(sample):
    if f in rejected: continue
    with open(f, 'rb') as fh:
        toks = list(tokenize.tokenize(fh.readline))
    enc = toks[0].string
    entry = {'path': f, 'encoding': enc,
             'tokens': [[tokenize.tok_name[t.type], t.string, t.start[0], t.start[1], t.end[0], t.end[1]] for t in toks[1:]]}
    if enc not in ('utf-8', 'utf-8-sig'):
        entry['text'] = open(f, 'rb').read().decode(enc)
    out.append(entry)
print(json.dumps({'files': files, 'rejected': rejected, 'sample': out}))
""";

    public StdlibOracle()
    {
        if (!PythonOracle.IsAvailable)
        {
            return;
        }
        bool all = Environment.GetEnvironmentVariable(CompareAllVariable) == "1";
        JsonElement answer = PythonOracle.RunJson(Script, [PythonOracle.Stdlib, all ? "1" : "0"]);
        Files = answer.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToArray();
        Rejected = answer.GetProperty("rejected").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        Sample = answer.GetProperty("sample").EnumerateArray().Select(ExpectedFile.From).ToArray();
    }

    public IReadOnlyList<string> Files { get; } = [];

    /// <summary>Files CPython rejects, with its reason.</summary>
    public IReadOnlyDictionary<string, string> Rejected { get; } = new Dictionary<string, string>();

    public IReadOnlyList<ExpectedFile> Sample { get; } = [];

    /// <summary>One sampled file: its decoded text and tokenize's tokens (ENCODING left out).</summary>
    public sealed record ExpectedFile(string Path, string Text, IReadOnlyList<Token> Tokens)
    {
        public static ExpectedFile From(JsonElement e)
        {
            string path = e.GetProperty("path").GetString()!;
            string text = e.TryGetProperty("text", out JsonElement t) ? t.GetString()! : DecodeUtf8(File.ReadAllBytes(path));
            var tokens = e.GetProperty("tokens").EnumerateArray().Select(a => new Token(
                KindOf(a[0].GetString()!), a[1].GetString()!,
                new SourcePosition(a[2].GetInt32(), a[3].GetInt32()), new SourcePosition(a[4].GetInt32(), a[5].GetInt32()))).ToArray();
            return new ExpectedFile(path, text, tokens);
        }
    }

    /// <summary>UTF-8 with any byte order mark removed: how tokenize decodes a file without a cookie.</summary>
    public static string DecodeUtf8(byte[] bytes)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith("\xEF\xBB\xBF"u8))
        {
            span = span[3..];
        }
        return new UTF8Encoding(false, true).GetString(span);
    }

    /// <summary>tokenize's type names; ERRORTOKEN (never produced for files CPython accepts) has no match.</summary>
    public static TokenKind KindOf(string tokName) => tokName switch
    {
        "ENDMARKER" => TokenKind.EndMarker,
        "NAME" => TokenKind.Name,
        "NUMBER" => TokenKind.Number,
        "STRING" => TokenKind.String,
        "NEWLINE" => TokenKind.Newline,
        "INDENT" => TokenKind.Indent,
        "DEDENT" => TokenKind.Dedent,
        "OP" => TokenKind.Op,
        "COMMENT" => TokenKind.Comment,
        "NL" => TokenKind.NL,
        _ => (TokenKind)(-1),
    };
}

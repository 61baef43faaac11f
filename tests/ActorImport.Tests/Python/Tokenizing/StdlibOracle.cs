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
rejected, texts = {}, {}
for f in files:
    try:
        with open(f, 'rb') as fh:
            enc = tokenize.detect_encoding(fh.readline)[0]
        if enc not in ('utf-8', 'utf-8-sig'):
            texts[f] = open(f, 'rb').read().decode(enc)
    except (SyntaxError, LookupError, UnicodeDecodeError) as e:
        rejected[f] = 'tokenize: ' + type(e).__name__ + ': ' + str(e)
features = {
    'tabs': lambda b: b'\n\t' in b, 'crlf': lambda b: b'\r\n' in b,
    'nonascii': lambda b: not b.isascii(), 'fstring': lambda b: b'f"' in b or b"f'" in b,
    'continuation': lambda b: b'\\\n' in b, 'bom': lambda b: b.startswith(b'\xef\xbb\xbf'),
}
sample = set(files[::5]) if not compare_all else set(files)
contents = {f: open(f, 'rb').read() for f in files if f not in rejected}
for name, test in features.items():
    sample.update([f for f in contents if test(contents[f])][:15])
out = []
unmatched = {}
for f in sorted(sample):
    if f in rejected: continue
    try:
        with open(f, 'rb') as fh:
            toks = list(tokenize.tokenize(fh.readline))
    except (SyntaxError, tokenize.TokenError) as e:
        rejected[f] = 'tokenize: ' + type(e).__name__ + ': ' + str(e)
        continue
    enc = toks[0].string
    errors = [t for t in toks if t.type == tokenize.ERRORTOKEN]
    if errors:
        # tokenize's \w misses some characters compile() accepts in names (e.g. U+E0100), and it
        # marks what it cannot read instead of failing: no reference for these files.
        unmatched[f] = 'tokenize reports ERRORTOKEN %r at %s' % (errors[0].string, errors[0].start)
        continue
    out.append({'path': f, 'tokens': [[tokenize.tok_name[t.type], t.string, t.start[0], t.start[1], t.end[0], t.end[1]] for t in toks[1:]]})
print(json.dumps({'files': files, 'rejected': rejected, 'sample': out, 'unmatched': unmatched, 'texts': texts}))
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
        Texts = answer.GetProperty("texts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        Sample = answer.GetProperty("sample").EnumerateArray().Select(e => ExpectedFile.From(e, this)).ToArray();
        NotComparable = answer.GetProperty("unmatched").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    public IReadOnlyList<string> Files { get; } = [];

    /// <summary>Files whose encoding declaration tokenize rejects, with its reason (the rest is asked per file, see <see cref="WhyCPythonRejects"/>).</summary>
    public IReadOnlyDictionary<string, string> Rejected { get; } = new Dictionary<string, string>();

    public IReadOnlyList<ExpectedFile> Sample { get; } = [];

    /// <summary>
    /// For each of <paramref name="paths"/>, why CPython's tokenize or compile() rejects it, or
    /// <c>null</c> when it accepts it; asked in one python3 process.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> WhyCPythonRejects(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
        {
            return new Dictionary<string, string?>();
        }
        const string script = """
import sys, json, tokenize, warnings
warnings.simplefilter('ignore')
out = {}
for f in sys.argv[1:]:
    try:
        with open(f, 'rb') as fh:
            for _ in tokenize.tokenize(fh.readline): pass
        compile(open(f, 'rb').read(), f, 'exec', dont_inherit=True)
        out[f] = None
    except (SyntaxError, tokenize.TokenError, ValueError, UnicodeDecodeError) as e:
        out[f] = type(e).__name__ + ': ' + str(e)
print(json.dumps(out))
""";
        JsonElement answer = PythonOracle.RunJson(script, paths);
        return answer.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetString());
    }

    /// <summary>The decoded text of files whose coding cookie names an encoding other than UTF-8.</summary>
    public IReadOnlyDictionary<string, string> Texts { get; } = new Dictionary<string, string>();

    /// <summary>A file's text as tokenize decodes it (its cookie's encoding, a BOM removed), newlines untouched.</summary>
    public string TextOf(string path) => Texts.TryGetValue(path, out string? text) ? text : DecodeUtf8(File.ReadAllBytes(path));

    /// <summary>Sampled files where tokenize emits ERRORTOKEN, so it is no reference for them (the every-file test still covers them).</summary>
    public IReadOnlyDictionary<string, string> NotComparable { get; } = new Dictionary<string, string>();

    /// <summary>One sampled file: its decoded text and tokenize's tokens (ENCODING left out).</summary>
    public sealed record ExpectedFile(string Path, string Text, IReadOnlyList<Token> Tokens)
    {
        public static ExpectedFile From(JsonElement e, StdlibOracle oracle)
        {
            string path = e.GetProperty("path").GetString()!;
            string text = oracle.TextOf(path);
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

    /// <summary>tokenize's type names; ERRORTOKEN has no match (files holding one are not compared).</summary>
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

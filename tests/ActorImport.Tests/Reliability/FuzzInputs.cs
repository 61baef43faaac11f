using System.Text;
using ActorImport.Tests.Conformance;
using FsCheck;
using FsCheck.Fluent;

namespace ActorImport.Tests.Reliability;

/// <summary>
/// Inputs for the fuzz properties: random Python-ish text and real source files (the
/// repository's sample trees, and a fixed list of the host's standard library when python3 is
/// there) mutated by byte flips, truncation, inserted tokens, deep nesting, long lines, random
/// Unicode, BOMs and NULs. A case is a (seed, size) pair that FsCheck draws; the text is built
/// from it with <see cref="Random"/>, so a case replays from its seed. Stateless apart from the
/// lazily read corpus (immutable once read).
/// </summary>
internal static class FuzzInputs
{
    /// <summary>Standard-library files that cover most of the grammar (read when python3's library is found).</summary>
    private static readonly string[] StdlibFiles =
    [
        "os.py", "typing.py", "enum.py", "dataclasses.py", "string.py", "tokenize.py", "_collections_abc.py",
        "json/__init__.py", "json/decoder.py", "collections/__init__.py", "importlib/__init__.py", "functools.py",
        "argparse.py", "re/_parser.py", "asyncio/base_events.py", "ast.py", "inspect.py", "textwrap.py", "warnings.py",
    ];

    private static readonly Lazy<string[]> PythonCorpus = new(ReadPythonCorpus);

    private static readonly Lazy<string[]> HoconCorpus = new(ReadHoconCorpus);

    /// <summary>Pieces that random programs are made of: keywords, operators, brackets, literals, layout, awkward characters.</summary>
    private static readonly string[] PythonPieces =
    [
        "import ", "from ", " import ", "as ", "lazy ", "def ", "class ", "if ", "elif ", "else", "while ", "for ", " in ", "try", "except ",
        "finally", "with ", "return ", "raise ", "del ", "global ", "nonlocal ", "pass", "break", "continue", "lambda ", "yield ", "await ",
        "async ", "match ", "case ", "not ", " and ", " or ", " is ", "None", "True", "False", "__name__", "__all__", "sys", "os", ".",
        "(", ")", "[", "]", "{", "}", ":", ",", ";", "=", "==", "+", "-", "*", "**", "/", "//", "%", "@", "|", "&", "^", "~", "<", ">",
        "->", ":=", "...", "\\", "\n", "\n", "\n", "    ", "\t", " ", " ", "#", "'", "\"", "'''", "\"\"\"", "f'", "rb'", "u\"", "{x}",
        "0", "1", "0x1F", "1e5", "1_000", "3.14", "1j", "0o7", "0b1", "07", "x", "y", "abc", "é", "ß", "\u00a0", "\u200b", "\0",
        "\uFEFF", "\r", "\r\n", "\f", "\v", "\ud800", "$", "?", "!", "`", "importlib.import_module('x')", "__import__('os')",
        "exec('1')", "eval('1')", "open('f', 'w')", "sys.modules['m'] = 1", "hasattr(os, 'fork')", "time.sleep(0)",
    ];

    private static readonly string[] HoconPieces =
    [
        "a", "b", "akka", "actor-import", "actor", "loglevel", "ask-timeout", ".", "{", "}", "[", "]", "=", ":", "+=", ",", "\n", " ",
        "\t", "\"", "\"\"\"", "'", "#", "//", "${", "${?", "}", "include ", "include required(", "file(", "\"x.conf\"", ")", "null",
        "true", "off", "5s", "30", "-1", "1.5", "infinite", "\\", "\\u00", "\0", "\uFEFF", "é", "\ud800", "\r", "$", "?",
    ];

    /// <summary>Deep nesting and other resource shapes: (prefix, suffix) repeated to a depth.</summary>
    private static readonly (string Open, string Close)[] NestingShapes =
    [
        ("(", ")"), ("[", "]"), ("{", "}"), ("not ", ""), ("-", ""), ("~", ""), ("lambda:", ""), ("x if y else ", ""), ("2**", ""),
        ("a.", ""), ("f(", ")"), ("1+", ""), ("[*", "]"), ("{**", "}"), ("await ", ""), ("yield ", ""), ("f'{", "}'"), ("@d\n", ""),
        ("if x:\n" , ""), ("    ", ""), ("\\\n", ""), ("'", ""), ("#", ""),
    ];

    /// <summary>The Python sources mutated by the fuzzers (never empty: the sample trees are in the repository).</summary>
    public static IReadOnlyList<string> Python => PythonCorpus.Value;

    /// <summary>The HOCON documents mutated by the fuzzers (akka.hocon and the configuration tests' shapes).</summary>
    public static IReadOnlyList<string> Hocon => HoconCorpus.Value;

    /// <summary>(seed, size) cases; size grows with FsCheck's size parameter.</summary>
    public static Gen<(int Seed, int Size)> Cases() =>
        Gen.Sized(size => Gen.Choose(0, int.MaxValue).Select(seed => (seed, size)));

    /// <summary>Random text made of Python pieces and random characters, or a mutated corpus file.</summary>
    public static string PythonText((int Seed, int Size) c)
    {
        var random = new Random(c.Seed);
        return random.Next(3) == 0 ? RandomText(random, c.Size, PythonPieces) : Mutate(random, Python[random.Next(Python.Count)], PythonPieces);
    }

    /// <summary>Random HOCON-ish text, or a mutated corpus document.</summary>
    public static string HoconText((int Seed, int Size) c)
    {
        var random = new Random(c.Seed);
        return random.Next(3) == 0 ? RandomText(random, c.Size, HoconPieces) : Mutate(random, Hocon[random.Next(Hocon.Count)], HoconPieces);
    }

    /// <summary>Source bytes: the text encoded (UTF-8 or Latin-1), then byte-level damage, cookies and BOMs.</summary>
    public static byte[] PythonBytes((int Seed, int Size) c)
    {
        var random = new Random(c.Seed);
        string text = PythonText(c);
        if (random.Next(4) == 0)
        {
            string[] cookies = ["utf-8", "latin-1", "ascii", "utf-16", "cp1252", "euc-jp", "bogus-codec", "utf-8-sig", "", "rot13", "idna"];
            text = $"# -*- coding: {cookies[random.Next(cookies.Length)]} -*-\n" + text;
        }
        byte[] data = random.Next(5) == 0 ? Encoding.Latin1.GetBytes(text) : Encoding.UTF8.GetBytes(text);
        var bytes = new List<byte>(data);
        int damage = random.Next(4);
        for (int i = 0; i < damage && bytes.Count > 0; i++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: bytes.Insert(at, (byte)random.Next(256)); break;
                case 2: bytes.InsertRange(0, new byte[] { 0xEF, 0xBB, 0xBF }); break;
                default: bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }
        return [.. bytes];
    }

    /// <summary>Text of <paramref name="size"/>-ish pieces and random characters from the whole UTF-16 range.</summary>
    public static string RandomText(Random random, int size, string[] pieces)
    {
        var text = new StringBuilder();
        int count = random.Next(size + 1);
        for (int i = 0; i < count; i++)
        {
            text.Append(random.Next(8) == 0 ? RandomChar(random).ToString() : pieces[random.Next(pieces.Length)]);
        }
        return text.ToString();
    }

    /// <summary>One to four mutations of <paramref name="source"/>.</summary>
    public static string Mutate(Random random, string source, string[] pieces)
    {
        var text = new StringBuilder(source);
        int mutations = 1 + random.Next(4);
        for (int m = 0; m < mutations; m++)
        {
            int at = text.Length == 0 ? 0 : random.Next(text.Length + 1);
            switch (random.Next(12))
            {
                case 0: // flip a character's bits
                    if (at < text.Length)
                    {
                        text[at] = (char)(text[at] ^ (1 << random.Next(16)));
                    }
                    break;
                case 1: // truncate
                    text.Length = at;
                    break;
                case 2: // insert random pieces
                    text.Insert(at, RandomText(random, 1 + random.Next(8), pieces));
                    break;
                case 3: // deep nesting, sometimes very deep
                    {
                        (string open, string close) = NestingShapes[random.Next(NestingShapes.Length)];
                        int depth = random.Next(8) == 0 ? 100_000 : random.Next(1, 500);
                        text.Insert(at, Repeat(open, depth) + "x" + Repeat(close, depth));
                        break;
                    }
                case 4: // a long line
                    text.Insert(at, random.Next(2) == 0 ? new string('a', 100_000) : Repeat("1+", 25_000) + "1");
                    break;
                case 5: // random Unicode
                    for (int i = random.Next(1, 16); i > 0; i--)
                    {
                        text.Insert(Math.Min(at, text.Length), RandomChar(random));
                    }
                    break;
                case 6: // a byte order mark, at the start or anywhere
                    text.Insert(random.Next(2) == 0 ? 0 : at, '\uFEFF');
                    break;
                case 7: // NULs
                    text.Insert(at, new string('\0', 1 + random.Next(3)));
                    break;
                case 8: // delete a slice
                    text.Remove(at, Math.Min(text.Length - at, random.Next(1, 200)));
                    break;
                case 9: // duplicate a slice
                    {
                        int length = Math.Min(text.Length - at, random.Next(1, 400));
                        text.Insert(at, text.ToString(at, length));
                        break;
                    }
                case 10: // change indentation of a line
                    {
                        int line = text.ToString().LastIndexOf('\n', Math.Max(0, Math.Min(at, text.Length - 1)));
                        text.Insert(line + 1, random.Next(3) switch { 0 => " ", 1 => "\t", _ => "        " });
                        break;
                    }
                default: // line endings
                    text.Replace("\n", random.Next(2) == 0 ? "\r\n" : "\r");
                    break;
            }
        }
        return text.ToString();
    }

    private static string Repeat(string piece, int count) => piece.Length == 0 ? "" : new StringBuilder(piece.Length * count).Insert(0, piece, count).ToString();

    private static char RandomChar(Random random) => random.Next(4) switch
    {
        0 => (char)random.Next(0, 0x80),
        1 => (char)random.Next(0x80, 0x800),
        2 => (char)random.Next(0xD800, 0xE000), // lone surrogates
        _ => (char)random.Next(0, 0x10000),
    };

    private static string[] ReadPythonCorpus()
    {
        string root = RepositoryPaths.Root();
        var files = Directory.EnumerateFiles(Path.Combine(root, "samples"), "*.py", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        if (PythonOracle.IsAvailable)
        {
            files.AddRange(StdlibFiles.Select(f => Path.Combine(PythonOracle.Stdlib, f)).Where(File.Exists));
        }
        return [.. files.Select(File.ReadAllText)];
    }

    private static string[] ReadHoconCorpus()
    {
        string root = RepositoryPaths.Root();
        return
        [
            File.ReadAllText(Path.Combine(root, "akka.hocon")),
            "a { b = 1, c = [1, 2, {d = ${a.b}}] }\ne = ${?HOME}\nf = \"\"\"multi\nline\"\"\"\ng += 3\nh : ${a} { i = x }\n",
            "akka.actor.ask-timeout = 5s\nakka { loglevel = INFO, actor.actor-import-dispatcher.throughput = 10 }\n",
            "include \"missing.conf\"\nx = ${x} y\nlist = [a, b] [c]\nobj = { a : 1 } { b : 2 }\n// comment\n# comment\n",
        ];
    }
}

using ActorImport.Configuration;
using ActorImport.Model;
using ActorImport.Python.Parsing;
using ActorImport.Python.Tokenizing;
using ActorImport.Tests.Conformance;
using ActorImport.Tests.Configuration;

namespace ActorImport.Tests.Reliability;

/// <summary>
/// What the fuzzers found, each as its minimized input (docs/reliability.md, "Fuzzing"). Before
/// the fixes every one of these either crashed the test process (a .NET stack overflow cannot
/// be caught) or threw an exception no entry point documents. Python's cases are compared with
/// python3 compiling the same text.
/// </summary>
public class FuzzRegressionTests
{
    private static string Repeat(string piece, int count) => string.Concat(Enumerable.Repeat(piece, count));

    /// <summary>
    /// <c>"f'{" * 100000</c> recursed once per replacement field in the tokenizer's f-string
    /// scanner and overflowed the stack. Fields now nest at most 200 deep; python3 reports this
    /// text as "too many nested parentheses" too.
    /// </summary>
    [PythonFact]
    public void DeeplyNestedFStringFieldsAreASyntaxError()
    {
        string source = Repeat("f'{", 100_000) + "x" + Repeat("}'", 100_000) + "\n";
        var error = Assert.Throws<PythonSyntaxError>(() => Tokenizer.Tokenize(source, "<fuzz>"));
        AssertSameCompileError(source, error);
    }

    /// <summary>
    /// <c>x = not not … y</c> (100,000 times), a 100,000-deep unary operator or
    /// conditional-expression chain recursed once per level in the expression evaluator and
    /// overflowed the stack. Deeper than <c>ExpressionEvaluator.MaxNesting</c> (3000, CPython's
    /// compiler limit) is now CPython's compile-time <c>RecursionError</c>. python3 rejects the
    /// same text at compile time too: RecursionError from about 3,000 levels, MemoryError (its
    /// parser's stack) at 100,000; the engine has the one error.
    /// </summary>
    [PythonTheory]
    [InlineData("not ", "y")]
    [InlineData("-", "1")]
    [InlineData("x if y else ", "z")]
    [InlineData("+", "1")]
    [InlineData("~", "1")]
    public void ExpressionsNestedBeyondTheLimitAreARecursionError(string piece, string end)
    {
        string source = "x = y = 1\nz = " + Repeat(piece, 100_000) + end + "\n";
        var error = Assert.ThrowsAny<PythonException>(() => FuzzPythonTests.Run(source));
        Assert.Equal(("RecursionError", "maximum recursion depth exceeded during compilation"), (error.TypeName, error.Message));
        Assert.Contains(CompileError(source)[0].GetString(), new[] { "RecursionError", "MemoryError" });
        string justBeyond = "x = y = 1\nz = " + Repeat(piece, ExpressionEvaluatorLimit + 10) + end + "\n";
        Assert.Equal("RecursionError", Assert.ThrowsAny<PythonException>(() => FuzzPythonTests.Run(justBeyond)).TypeName);
        Assert.Equal("RecursionError", CompileError(justBeyond)[0].GetString());
    }

    private const int ExpressionEvaluatorLimit = 3000;

    /// <summary>
    /// <c>2 ** 2 ** …</c> (100,000 times) overflowed the stack in the evaluator's power operator.
    /// python3 runs out of its parser's stack here and raises MemoryError; the engine raises the
    /// RecursionError of the other shapes (one limit for all; see docs/reliability.md).
    /// </summary>
    [Fact]
    public void APowerChainBeyondTheLimitIsARecursionError()
    {
        var error = Assert.ThrowsAny<PythonException>(() => FuzzPythonTests.Run("z = " + Repeat("2**", 100_000) + "1\n"));
        Assert.Equal(("RecursionError", "maximum recursion depth exceeded during compilation"), (error.TypeName, error.Message));
    }

    /// <summary>Within the limit, nesting still evaluates (the guard costs no conformance for real code).</summary>
    [Fact]
    public void NestingWithinTheLimitEvaluates()
    {
        var module = FuzzPythonTests.Run("a = " + Repeat("not ", 2500) + "True\nb = " + Repeat("-", 2501) + "1\nc = " + Repeat("(", 199) + "7" + Repeat(")", 199) + "\n");
        Assert.Equal((true, -1L, 7L), (module.GetAttributeOrDefault("a"), module.GetAttributeOrDefault("b"), module.GetAttributeOrDefault("c")));
    }

    /// <summary>
    /// Bytes that the declared codec cannot decode (<c># coding: utf-16</c> over an odd number of
    /// bytes) escaped as UnicodeDecodeError while the tokenizer documented only SyntaxError.
    /// The documentation now names it; python3's <c>importlib.util.decode_source</c> raises the same.
    /// </summary>
    [PythonFact]
    public void AnUndecodableBodyUnderADeclaredCodecIsUnicodeDecodeError()
    {
        byte[] source = Convert.FromHexString("23202D2A2D20636F64696E673A207574662D3136202D2A2D0A636F6E74696E7565C7AF");
        var error = Assert.ThrowsAny<PythonException>(() => Tokenizer.Tokenize(source, "<fuzz>"));
        var python = PythonOracle.RunJson(
            "import sys, json, importlib.util\ntry:\n    importlib.util.decode_source(bytes.fromhex(sys.argv[1]))\n    print(json.dumps(None))\nexcept Exception as e:\n    print(json.dumps(type(e).__name__))",
            [Convert.ToHexString(source)]);
        Assert.Equal(python.GetString(), error.TypeName);
    }

    /// <summary><c>a { a { a { …</c> (100,000 deep) overflowed the stack in the HOCON parser; now a HoconException at the 257th brace.</summary>
    [Fact]
    public void HoconObjectsNestedTooDeeplyAreAnError()
    {
        var error = HoconTestSupport.ReadError(Repeat("a {", 100_000));
        Assert.Equal((1, 3 * HoconNesting.MaxBrackets + 3), (error.Line, error.Column));
        Assert.Contains("nested too deeply", error.Reason);
    }

    /// <summary><c>a = [[[[…</c> (100,000 deep) overflowed the stack alike.</summary>
    [Fact]
    public void HoconArraysNestedTooDeeplyAreAnError()
    {
        var error = HoconTestSupport.ReadError("a = " + Repeat("[", 100_000));
        Assert.Contains("nested too deeply", error.Reason);
    }

    /// <summary>
    /// <c>a.a.a.….a = 1</c> (a 100,000-segment key, no braces at all) built a tree that resolving
    /// and flattening recursed through; now a HoconException naming the spot.
    /// </summary>
    [Fact]
    public void HoconKeyPathsTooLongAreAnError()
    {
        var error = HoconTestSupport.ReadError(string.Join('.', Enumerable.Repeat("a", 100_000)) + " = 1\n");
        Assert.Contains("nested too deeply", error.Reason);
        Assert.Equal(1, error.Line);
    }

    /// <summary>A 100,000-link substitution chain (<c>a0 = ${a1}</c>, <c>a1 = ${a2}</c>, …) recursed once per link.</summary>
    [Fact]
    public void HoconSubstitutionChainsTooLongAreAnError()
    {
        const int links = 100_000;
        string text = string.Concat(Enumerable.Range(0, links).Select(i => $"a{i} = ${{a{i + 1}}}\n")) + $"a{links} = end\n";
        var error = HoconTestSupport.ReadError(text);
        Assert.Contains("nested too deeply", error.Reason);
    }

    /// <summary>Chains and nesting within the limits still resolve.</summary>
    [Fact]
    public void HoconWithinTheLimitsResolves()
    {
        string chain = string.Concat(Enumerable.Range(0, 200).Select(i => $"a{i} = ${{a{i + 1}}}\n")) + "a200 = end\n";
        string nested = Repeat("n {", 200) + "v = 1" + Repeat("}", 200) + "\n";
        var configuration = HoconTestSupport.Read(chain + nested);
        Assert.Equal("end", configuration["a0"]);
        Assert.Equal("1", configuration[string.Join(':', Enumerable.Repeat("n", 200)) + ":v"]);
    }

    /// <summary><c>include "mis\0sing.conf"</c> threw ArgumentException from Path.GetFullPath; now a HoconException at the include.</summary>
    [Fact]
    public void AnIncludeNameWithANulIsAHoconError()
    {
        var error = HoconTestSupport.ReadError(" include \"mis\0\0sing.conf\"\nx = 1\n");
        Assert.Equal(1, error.Line);
        Assert.Contains("NUL", error.Reason);
    }

    /// <summary>The type and message of python3's error compiling <paramref name="source"/> match the engine's error.</summary>
    private static void AssertSameCompileError(string source, PythonException error)
    {
        var python = CompileError(source);
        Assert.Equal((python[0].GetString(), python[1].GetString()), (error.TypeName, error.Message));
    }

    /// <summary>[type name, message] of python3's error compiling <paramref name="source"/>.</summary>
    private static System.Text.Json.JsonElement CompileError(string source) =>
        PythonOracle.RunJson(
            "import sys, json\nsrc = sys.stdin.read()\ntry:\n    compile(src, '<fuzz>', 'exec')\n    print(json.dumps([None, None]))\nexcept BaseException as e:\n    print(json.dumps([type(e).__name__, e.msg if isinstance(e, SyntaxError) else str(e)]))",
            stdin: source);
}

/// <summary>
/// The compiled-module finding: a cache body with one damaged byte (a string token's text cut
/// short) was accepted by the reader and threw ArgumentOutOfRangeException in the interpreter
/// (fuzz input: a sample module's pyc with byte flips; "sourceless pyc" property, seed
/// 20261129). Bodies now carry a checksum (format 3): every single-bit flip anywhere in a body
/// is rejected before anything runs.
/// </summary>
public class CompiledModuleDamageTests
{
    [Fact]
    public void EverySingleBitFlipOfABodyIsRejected()
    {
        byte[] body = ActorImport.Python.Caching.ModuleCodeWriter.Serialize(PythonParser.Parse("import os\nX = f'{os.sep}' + 'y'\nif X:\n    Y = [1, 2]\n", "damaged.py"));
        int accepted = 0;
        for (int i = 0; i < body.Length; i++)
        {
            for (int bit = 0; bit < 8; bit++)
            {
                byte[] damaged = (byte[])body.Clone();
                damaged[i] ^= (byte)(1 << bit);
                try
                {
                    ActorImport.Python.Caching.ModuleCodeReader.Deserialize(damaged);
                    accepted++;
                }
                catch (InvalidDataException)
                {
                }
            }
        }
        Assert.Equal(0, accepted);
    }
}

/// <summary>
/// The tokenizer's hang: on a line holding a surrogate (an emoji, or a lone surrogate in
/// mutated text) every token's column was counted from the line start, so a long line took
/// quadratic time (a 50,000-character line of <c>1+1+…</c> after one emoji: 9 s; the fuzzer's
/// 150,000-character line did not finish within the 60-second hang detector). Columns are now
/// counted on from the previous token; they still count code points, as python3's tokenize does.
/// </summary>
public class TokenizerLongLineTests
{
    [PythonFact]
    public void ALongLineAfterAnAstralCharacterTokenizesInLinearTimeWithCPythonsColumns()
    {
        string source = "x = '\U0001F600' + " + string.Concat(Enumerable.Repeat("1+", 25_000)) + "1\n";
        IReadOnlyList<ActorImport.Python.Tokenizing.Token> tokens = ActorImport.Python.Tokenizing.Tokenizer.Tokenize(source, "<fuzz>");
        var last = tokens.Last(t => t.Kind == ActorImport.Python.Tokenizing.TokenKind.Number);
        var python = PythonOracle.RunJson(
            "import sys, io, json, tokenize\ntoks = [t for t in tokenize.generate_tokens(io.StringIO(sys.stdin.read()).readline) if t.type == tokenize.NUMBER]\nprint(json.dumps(toks[-1].start))",
            stdin: source);
        Assert.Equal((python[0].GetInt32(), python[1].GetInt32()), (last.Start.Line, last.Start.Column));
    }
}

/// <summary>
/// The long run's interpreter finding: <c>[] * 9223372036854775807</c> (the random program
/// <c>g = C\nsys.modules[[] * 9223372036854775807] = () >= -1</c>, seed 20261129, case 11,874 of
/// "interpreter (programs)") threw ArgumentOutOfRangeException: the size check multiplied the
/// count by the length (0, or overflowing) and cast the count to int. Compared with python3.
/// </summary>
public class SequenceRepetitionTests
{
    [PythonFact]
    public void RepeatingBySysMaxsizeGivesCPythonsValues()
    {
        using var fake = ActorImport.Tests.Python.Interpreting.ImportOracle.Tree([("rep.py",
            "E = [] * 9223372036854775807\nS = '' * 9223372036854775807\nB = 'ab' * 3\nL = [1] * 3\nN = [1] * -5\n")]);
        ActorImport.Tests.Python.Interpreting.ImportOracle.AssertSame(fake, "rep", "E", "S", "B", "L", "N");
        var module = FuzzPythonTests.Run("X = 'ab' * 4611686018427387904\nY = [0] * 9223372036854775807\n");
        Assert.IsType<ActorImport.Python.Interpreting.Values.OpaqueValue>(module.GetAttributeOrDefault("X"));
        Assert.IsType<ActorImport.Python.Interpreting.Values.OpaqueValue>(module.GetAttributeOrDefault("Y"));
    }
}

using ActorImport.Model;
using ActorImport.Python.Interpreting;
using ActorImport.Python.Parsing;
using ActorImport.Python.Syntax;
using ActorImport.Python.Tokenizing;

namespace ActorImport.Tests.Reliability;

/// <summary>
/// Property-based fuzzing of the Python front end and the interpreter with random and mutated
/// sources (<see cref="FuzzInputs"/>): only the documented exception types escape — the
/// tokenizer and parser throw <see cref="PythonSyntaxError"/> (SyntaxError, IndentationError,
/// TabError, with file and line), the interpreter throws <see cref="PythonException"/> (what
/// the body raises, or CPython's compile-time RecursionError for expressions nested too deep);
/// never a NullReferenceException, IndexOutOfRangeException, InvalidCastException, a stack
/// overflow or a hang.
/// </summary>
public class FuzzPythonTests
{
    private const string FileName = "fuzzed.py";

    /// <summary>
    /// A small budget: a fuzzed body may loop or recurse; it must stop, reported, in time. Every
    /// loop iteration and the items of bulk operations count against the body's one step budget
    /// (docs/reliability.md, item 10), so nested always-true loops stop after 2,000 steps in all
    /// and the per-loop bound is the default one again (it was 20 while loops were bounded one by one).
    /// </summary>
    internal static readonly InterpreterOptions SmallBudget = InterpreterOptions.Default with
    {
        HonourSleep = false,
        MaxSteps = 2_000,
        MaxCallDepth = 30,
    };

    [Fact]
    public void TokenizerThrowsOnlySyntaxErrors() =>
        FuzzRun.Check("tokenizer", FuzzInputs.Cases(), c => FuzzRun.Show(FuzzInputs.PythonText(c)),
            c => Tokenizer.Tokenize(FuzzInputs.PythonText(c), FileName), IsSyntaxError, ciCases: 150);

    [Fact]
    public void TokenizerOfBytesThrowsOnlySyntaxErrors() =>
        FuzzRun.Check("tokenizer (bytes)", FuzzInputs.Cases(), c => FuzzRun.Show(FuzzInputs.PythonBytes(c)),
            c => Tokenizer.Tokenize(FuzzInputs.PythonBytes(c), FileName), IsDecodingOrSyntaxError, ciCases: 100);

    [Fact]
    public void ParserThrowsOnlySyntaxErrors() =>
        FuzzRun.Check("parser", FuzzInputs.Cases(), c => FuzzRun.Show(FuzzInputs.PythonText(c)),
            c => PythonParser.Parse(FuzzInputs.PythonText(c), FileName), IsSyntaxError, ciCases: 150);

    [Fact]
    public void InterpreterThrowsOnlyPythonExceptions() =>
        FuzzRun.Check("interpreter", FuzzInputs.Cases(), c => FuzzRun.Show(FuzzInputs.PythonText(c)),
            c => Run(FuzzInputs.PythonText(c)), e => e is PythonException, ciCases: 100);

    /// <summary>Random programs that mostly parse (<see cref="FuzzPrograms"/>), so the interpreter runs them.</summary>
    [Fact]
    public void InterpreterRunsRandomProgramsWithinItsBudget()
    {
        IReadOnlyDictionary<string, long> outcomes = FuzzRun.Check("interpreter (programs)", FuzzInputs.Cases(), c => FuzzRun.Show(FuzzPrograms.Program(c)),
            c => Run(FuzzPrograms.Program(c)), e => e is PythonException, ciCases: 300, maxSize: 30);
        // The generator is worth its name only if most programs get past the parser.
        long syntaxErrors = outcomes.Where(o => o.Key is "SyntaxError" or "IndentationError" or "TabError").Sum(o => o.Value);
        Assert.True(syntaxErrors * 2 < outcomes.Values.Sum(), $"outcomes: {string.Join(", ", outcomes)}");
    }

    /// <summary>Tokenizes, parses and runs <paramref name="source"/> as module <c>fuzzed</c>, every import opaque.</summary>
    internal static ModuleObject Run(string source, InterpreterOptions? options = null)
    {
        ModuleCode code = PythonParser.Parse(source, FileName);
        var module = new ModuleObject("fuzzed");
        module.SetAttribute("__file__", FileName);
        module.SetAttribute("__package__", "");
        new ModuleInterpreter(new OpaqueImports(), options ?? SmallBudget).Execute(code, module);
        return module;
    }

    /// <summary>Source bytes may also fail to decode: UnicodeDecodeError, as importlib.util.decode_source raises.</summary>
    private static bool IsDecodingOrSyntaxError(Exception e) =>
        e is PythonSyntaxError || e is PythonException { TypeName: "UnicodeDecodeError" };

    private static bool IsSyntaxError(Exception e) =>
        e is PythonSyntaxError { TypeName: "SyntaxError" or "IndentationError" or "TabError" } syntax && syntax.FileName == FileName && syntax.Line >= 0;
}

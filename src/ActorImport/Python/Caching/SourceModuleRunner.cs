using ActorImport.Model;
using ActorImport.Python.Interpreting;
using ActorImport.Python.Parsing;
using ActorImport.Python.Syntax;

namespace ActorImport.Python.Caching;

/// <summary>
/// What a source loader's <c>ExecModule</c> does with a <c>.py</c> file: read the bytes → cache
/// lookup → <c>decode_source</c> → tokenize → parse → write the cache → interpret the body in
/// the module's namespace. Syntax and decoding errors surface as <see cref="PythonSyntaxError"/>.
/// Thread-safety: immutable collaborators; <see cref="Run"/> may be called concurrently for
/// different modules.
/// </summary>
public sealed class SourceModuleRunner
{
    public SourceModuleRunner(ModuleInterpreter interpreter, CompiledModuleCache? cache = null)
    {
        Interpreter = interpreter;
        Cache = cache;
    }

    public ModuleInterpreter Interpreter { get; }

    /// <summary>The compiled cache, or null to always parse from source.</summary>
    public CompiledModuleCache? Cache { get; }

    /// <summary>Decodes (<c>decode_source</c>), tokenizes and parses source bytes (no cache).</summary>
    public static ModuleCode Compile(byte[] sourceBytes, string sourcePath) =>
        PythonParser.Parse(sourceBytes, sourcePath);

    /// <summary><c>get_code</c>: the module's code, through the cache when there is one.</summary>
    public ModuleCode GetCode(string name, string sourcePath) =>
        Cache is null
            ? Compile(File.ReadAllBytes(sourcePath), sourcePath)
            : Cache.GetCode(name, sourcePath, Compile, out _);

    /// <summary>Runs <paramref name="sourcePath"/> in <paramref name="module"/> (named by its <c>__name__</c>).</summary>
    public ExecutionResult Run(ModuleObject module, string sourcePath, Action<InterpreterDiagnostic>? onDiagnostic = null) =>
        Interpreter.Execute(GetCode(module.Name, sourcePath), module, onDiagnostic);
}

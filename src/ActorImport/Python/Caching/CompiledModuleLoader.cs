using ActorImport.Loading;
using ActorImport.Model;
using ActorImport.Python.Interpreting;
using ActorImport.Python.Syntax;

namespace ActorImport.Python.Caching;

/// <summary>
/// The counterpart of <c>importlib.machinery.SourcelessFileLoader</c> for this engine's own
/// <c>.pyc</c> files (not CPython's bytecode, which Loading.SourcelessFileLoader loads): runs
/// the compiled module without its source. Only the header is classified (bad magic, truncation
/// and bad flags propagate as CPython's errors); nothing is checked against a source. A body
/// this format cannot read is CPython's <c>ImportError "Non-code object in '…'"</c>.
/// Thread-safety: immutable; <see cref="ExecModule"/> may run concurrently for different modules.
/// </summary>
public sealed class CompiledModuleLoader : ILoader
{
    private readonly ModuleInterpreter _interpreter;
    private readonly uint _rawMagicNumber;

    public CompiledModuleLoader(string name, string path, ModuleInterpreter interpreter, uint rawMagicNumber = PythonTarget.RawMagicNumber311)
    {
        Name = name;
        Path = path;
        _interpreter = interpreter;
        _rawMagicNumber = rawMagicNumber;
    }

    public string Name { get; }

    public string Path { get; }

    /// <summary>Reports of the last execution are passed here when set.</summary>
    public Action<InterpreterDiagnostic>? OnDiagnostic { get; init; }

    public ModuleObject? CreateModule(ModuleSpec spec) => null;

    /// <summary><c>get_code</c>: classify the header, read the body.</summary>
    /// <exception cref="ImportError">Bad magic or flags (as <see cref="PycHeader.Classify"/>), or <c>Non-code object in '…'</c> for a body this format cannot read or whose checksum does not match.</exception>
    /// <exception cref="PythonException"><c>EOFError</c>: a truncated header.</exception>
    public ModuleCode GetCode()
    {
        byte[] data = File.ReadAllBytes(Path);
        PycHeader.Classify(data, Name, Path, _rawMagicNumber);
        try
        {
            return ModuleCodeReader.Deserialize(data.AsMemory(PycHeader.Length));
        }
        catch (InvalidDataException)
        {
            throw new ImportError($"Non-code object in {PythonRepr.Str(Path)}", Name, Path);
        }
    }

    public void ExecModule(ModuleObject module) => _interpreter.Execute(GetCode(), module, OnDiagnostic);
}

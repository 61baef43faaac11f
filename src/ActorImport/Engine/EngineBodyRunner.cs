using ActorImport.Loading;
using ActorImport.Discovery;
using ActorImport.Model;
using ActorImport.Python.Caching;
using ActorImport.Python.Interpreting;
using ActorImport.Python.Interpreting.Facts;

namespace ActorImport.Engine;

/// <summary>
/// The engine's <see cref="IModuleBodyRunner"/>: what <c>ExecModule</c> of the finding-side
/// loaders does. A <c>.py</c> file runs through <see cref="SourceModuleRunner"/> (cache →
/// parse → <see cref="ModuleInterpreter"/>); a frozen module runs its stdlib source when the
/// spec names one; CPython bytecode without source runs nothing. An extension module stays
/// opaque (the interpreter treats an extension or frozen origin as unknown attributes), but what
/// its C initialiser imports and registers, recorded from CPython
/// (<see cref="ExtensionImportTable"/>), is replayed through the import system in CPython's
/// order: <c>import _decimal</c> imports <c>numbers</c> and <c>collections</c>, <c>import pyexpat</c>
/// registers <c>pyexpat.errors</c> and <c>pyexpat.model</c>. Always called on the owning chain's thread, never in an actor's handler.
/// Thread-safety: immutable collaborators; concurrent calls for different modules are safe.
/// </summary>
internal sealed class EngineBodyRunner : IModuleBodyRunner
{
    private readonly SourceModuleRunner _source;
    private readonly EngineStatistics _statistics;
    private readonly Action<string, InterpreterDiagnostic>? _onDiagnostic;
    private readonly IImportCallback _imports;
    private readonly ExtensionImportTable _extensionInits;

    public EngineBodyRunner(SourceModuleRunner source, EngineStatistics statistics, Action<string, InterpreterDiagnostic>? onDiagnostic, IImportCallback imports, ExtensionImportTable extensionInits)
    {
        _imports = imports;
        _extensionInits = extensionInits;
        _source = source;
        _statistics = statistics;
        _onDiagnostic = onDiagnostic;
    }

    public void ExecModule(ILoader loader, ModuleObject module)
    {
        string? path = loader switch
        {
            SourceFileLoader source => source.Path,
            FrozenImporter => (module.Spec?.LoaderState as FrozenLoaderState)?.Filename is string file && File.Exists(file) ? file : null,
            _ => null,
        };
        if (loader is SourcelessFileLoader sourceless)
        {
            sourceless.CheckCode();
        }
        if (loader is ExtensionFileLoader)
        {
            RunExtensionInit(module);
            return;
        }
        if (path is null)
        {
            return;
        }
        _statistics.BodyExecuted();
        string name = module.Name;
        Action<InterpreterDiagnostic>? report = _onDiagnostic is null ? null : d => _onDiagnostic(name, d);
        try
        {
            _source.Run(module, path, report);
        }
        // A filter that never catches (ImportEngine.Depth.cs: no nested rethrow per import level).
        catch (Exception) when (_statistics.BodyFailedFilter())
        {
        }
    }

    /// <summary>
    /// The recorded imports of the extension's C init, each through <c>__import__</c> as
    /// <c>PyImport_ImportModule</c> makes them (an error fails the extension's import, as in
    /// CPython), then the submodules it registers, as opaque modules in <c>sys.modules</c>.
    /// </summary>
    private void RunExtensionInit(ModuleObject module)
    {
        if (!_extensionInits.TryGet(module.Name, out ExtensionInit init))
        {
            return;
        }
        foreach (ExtensionImport import in init.Imports)
        {
            _imports.Import(import.Name, module, import.Fromlist.Count == 0 ? null : import.Fromlist, import.Level);
        }
        foreach (string submodule in init.Registers)
        {
            _imports.SetSysModule(submodule, new OpaqueModule(submodule));
        }
    }
}

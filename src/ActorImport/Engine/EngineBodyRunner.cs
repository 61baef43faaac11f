using ActorImport.Loading;
using ActorImport.Discovery;
using ActorImport.Model;
using ActorImport.Python.Caching;
using ActorImport.Python.Interpreting;

namespace ActorImport.Engine;

/// <summary>
/// The engine's <see cref="IModuleBodyRunner"/>: what <c>ExecModule</c> of the finding-side
/// loaders does. A <c>.py</c> file runs through <see cref="SourceModuleRunner"/> (cache →
/// parse → <see cref="ModuleInterpreter"/>); a frozen module runs its stdlib source when the
/// spec names one; CPython bytecode without source and extension modules run nothing (their
/// modules are opaque: the interpreter treats an extension or frozen origin as unknown
/// attributes). Always called on the owning chain's thread, never in an actor's handler.
/// Thread-safety: immutable collaborators; concurrent calls for different modules are safe.
/// </summary>
internal sealed class EngineBodyRunner : IModuleBodyRunner
{
    private readonly SourceModuleRunner _source;
    private readonly EngineStatistics _statistics;
    private readonly Action<string, InterpreterDiagnostic>? _onDiagnostic;

    public EngineBodyRunner(SourceModuleRunner source, EngineStatistics statistics, Action<string, InterpreterDiagnostic>? onDiagnostic)
    {
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
        if (path is null)
        {
            return;
        }
        _statistics.BodyExecuted();
        string name = module.Name;
        Action<InterpreterDiagnostic>? report = _onDiagnostic is null ? null : d => _onDiagnostic(name, d);
        _source.Run(module, path, report);
    }
}

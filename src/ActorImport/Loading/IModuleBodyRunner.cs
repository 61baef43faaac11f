using ActorImport.Model;

namespace ActorImport.Loading;

/// <summary>
/// Executes a module body for a loader's <c>ExecModule</c>. The engine (issue 4/6) supplies one;
/// until then loaders have none and <c>ExecModule</c> raises an <see cref="ImportError"/>.
/// Implementations must be safe to call from any import chain's thread.
/// </summary>
public interface IModuleBodyRunner
{
    void ExecModule(ILoader loader, ModuleObject module);
}

/// <summary>Shared <c>ExecModule</c> behaviour of the finding-side loaders. Stateless.</summary>
internal static class ModuleBodyRunners
{
    public static void Run(IModuleBodyRunner? runner, ILoader loader, ModuleObject module)
    {
        if (runner is null)
        {
            throw new ImportError($"cannot execute module '{module.Name}': no module body executor is configured", module.Name);
        }
        runner.ExecModule(loader, module);
    }
}

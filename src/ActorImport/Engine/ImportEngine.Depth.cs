using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using ActorImport.Model;

namespace ActorImport.Engine;

// The import chain's depth limit: CPython's RecursionError instead of a stack overflow.
public sealed partial class ImportEngine
{
    /// <summary>
    /// How many module bodies the calling flow is executing, one inside another (a body that
    /// imports a module whose body imports another …). An <see cref="AsyncLocal{T}"/>, so each
    /// chain counts its own nesting; set and restored by <see cref="EnterBody"/> only.
    /// </summary>
    private readonly AsyncLocal<int> _bodyDepth = new();

    /// <summary>
    /// CPython's text when an import chain exhausts the recursion limit through
    /// <c>importlib.import_module</c> (with the <c>import</c> statement it is the same text
    /// followed by " while calling a Python object", depending on the frame that hits the limit).
    /// </summary>
    internal const string RecursionMessage = "maximum recursion depth exceeded";

    /// <summary>
    /// Enters the body of <paramref name="name"/>: a RecursionError (nothing executed) when the
    /// chain already runs <see cref="ImportEngineOptions.MaxImportDepth"/> bodies, one inside
    /// another, or when the thread's stack is nearly exhausted (so that no configuration and no
    /// nesting of calls inside bodies can overflow the process's stack). Dispose to leave.
    /// </summary>
    private BodyScope EnterBody(string name)
    {
        int depth = _bodyDepth.Value;
        if (depth >= _options.MaxImportDepth)
        {
            throw new PythonException("RecursionError", RecursionMessage);
        }
        EnsureStack();
        _bodyDepth.Value = depth + 1;
        return new BodyScope(_bodyDepth, depth);
    }

    /// <summary>Bodies one thread runs one inside another before the chain continues on a fresh thread (see <see cref="ExecBody"/>).</summary>
    private const int BodiesPerThread = 64;

    /// <summary>The stack of a thread that continues a deep chain: room for <see cref="BodiesPerThread"/> bodies and their calls.</summary>
    private const int DeepChainStackBytes = 16 * 1024 * 1024;

    /// <summary>
    /// Runs a module body. Every <see cref="BodiesPerThread"/>-th nested body of a chain runs on a
    /// new thread with a large stack while this one waits: the chain (an AsyncLocal, carried by
    /// the thread's captured execution context) and its claims are unchanged, but no thread ever
    /// holds more than that many bodies' frames. .NET runs a catch block before it pops the
    /// frames above it, so an error unwinding through hundreds of nested bodies (each catching
    /// and rethrowing to clean up) needs stack in proportion to the depth; on its own thread a
    /// segment's error is caught where it started and thrown again, with its stack trace, on a
    /// shallow stack. Costs one thread start per <see cref="BodiesPerThread"/> levels only.
    /// Known limit: a lazy module's first load holds a monitor, so a chain that re-enters the same
    /// lazy module across such a hop would wait for itself.
    /// </summary>
    private void ExecBody(Model.ILoader loader, Model.ModuleObject module)
    {
        int depth = _bodyDepth.Value;
        if (depth % BodiesPerThread != 0 || depth == 0)
        {
            loader.ExecModule(module);
            return;
        }
        ExceptionDispatchInfo? failure = null;
        var segment = new Thread(() =>
        {
            try
            {
                loader.ExecModule(module);
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        }, DeepChainStackBytes)
        {
            IsBackground = true,
            Name = $"actor-import deep chain ({module.Name})",
        };
        segment.Start();
        segment.Join();
        failure?.Throw();
    }

    /// <summary>CPython's RecursionError when the stack is too shallow for another import (deep parent chains, deep calls around an import).</summary>
    private static void EnsureStack()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new PythonException("RecursionError", RecursionMessage);
        }
    }

    /// <summary>Restores the chain's body depth on dispose. Owned by one flow; not shared.</summary>
    private readonly struct BodyScope(AsyncLocal<int> depth, int previous) : IDisposable
    {
        public void Dispose() => depth.Value = previous;
    }
}

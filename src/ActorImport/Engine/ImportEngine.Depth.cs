using System.Runtime.CompilerServices;
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

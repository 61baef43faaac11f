using ActorImport.Model;
using ActorImport.Python.Syntax;

namespace ActorImport.Python.Interpreting;

/// <summary>
/// The import-level interpreter: executes a parsed module body (<see cref="ModuleCode"/>) in a
/// module's namespace, calling back into the import system for every import, as CPython's eval
/// loop does. Immutable configuration; <see cref="Execute"/> may be called from several threads
/// at once for different modules (each call has its own state).
/// <para>What runs, in order: every import form (IMPORT_NAME/IMPORT_FROM/IMPORT_STAR semantics
/// and error texts); assignments to every target form (literal values, aliases, module attribute
/// reads; anything else binds an opaque value); <c>def</c> (binds a function, records the
/// imports in its body as deferred, never runs it); <c>class</c> (its body runs in its own
/// namespace); <c>del</c>, <c>global</c>; the docstring as <c>__doc__</c>; if/elif/else;
/// try/except/else/finally; raise; assert; <c>sys.modules[k] = v</c> and <c>del sys.modules[k]</c>;
/// <c>importlib.import_module</c>, <c>__import__</c>, <c>time.sleep</c> calls; PEP 810 lazy imports.</para>
/// <para>Undecided conditions: a condition the interpreter cannot decide is reported
/// (<see cref="DiagnosticKind.UndecidedCondition"/>) and taken as FALSE, so the next
/// <c>elif</c>/<c>else</c> runs. Real code puts the portable, always-available path in the
/// <c>else</c> (optional accelerators, platform or feature probes, debug switches, environment
/// flags are the tested conditions), so false follows the path CPython takes on most hosts and
/// never imports what only a special configuration needs.</para>
/// <para>Loops: <c>for</c> over a literal (or an already known list/tuple/str/dict) runs its body
/// per item with break/continue/else; over anything else the body is not run and the loop is
/// reported. <c>while</c> runs while its condition is decided true (undecided = false), bounded
/// by <see cref="InterpreterOptions.MaxLoopIterations"/>. <c>with</c> evaluates its context
/// expressions and runs its body (managers are not entered and never suppress exceptions).
/// <c>match</c> is reported and no case runs.</para>
/// <para>Attribute reads that Python would fail (<c>mod.missing</c>) are reported and opaque rather
/// than raising <c>AttributeError</c>, because opaque code may have bound the name.</para>
/// </summary>
public sealed class ModuleInterpreter
{
    private readonly IImportCallback _callback;
    private readonly InterpreterOptions _options;
    private readonly KnownModuleFacts _facts;
    private readonly UnknownNames _unknownNames = new();

    public ModuleInterpreter(IImportCallback callback, InterpreterOptions? options = null)
    {
        _callback = callback;
        _options = options ?? InterpreterOptions.Default;
        _facts = new KnownModuleFacts(_options);
    }

    public InterpreterOptions Options => _options;

    /// <summary>The modules this interpreter ran whose namespaces may hold names it could not see (star imports from opaque modules).</summary>
    public UnknownNames UnknownNames => _unknownNames;

    /// <summary>
    /// Runs <paramref name="code"/> in <paramref name="module"/>'s namespace (which already holds
    /// <c>__name__</c>, <c>__file__</c>, <c>__spec__</c>… as module_from_spec set them). An
    /// exception of the body propagates as the <see cref="PythonException"/> CPython would raise;
    /// reports made before it were already passed to <paramref name="onDiagnostic"/>.
    /// </summary>
    /// <summary>
    /// <c>getattr(module, name)</c> as CPython's <c>module_getattro</c> answers it for a reader
    /// outside the body (the engine's attribute access, <c>_handle_fromlist</c>'s <c>hasattr</c>):
    /// the namespace (PEP 810 proxies resolved), else the module's PEP 562 <c>__getattr__</c>
    /// when its body defined one in source — run by this interpreter, so an
    /// <c>importlib.import_module</c> inside it imports through the callback. False means
    /// AttributeError; a hook the interpreter cannot run gives true with an opaque value.
    /// Exceptions of the hook other than AttributeError propagate.
    /// </summary>
    public bool TryGetModuleAttribute(ModuleObject module, string name, out object? value, Action<InterpreterDiagnostic>? onDiagnostic = null)
    {
        if (LazyImports.TryGetAttribute(module, name, out value))
        {
            return true;
        }
        bool? hooked = new ExecutionRun(_callback, _options, _facts, _unknownNames, onDiagnostic).TryModuleGetattr(module, name, out value);
        if (hooked is null)
        {
            value = new Values.OpaqueValue($"{module.Name}.{name}");
        }
        return hooked != false;
    }

    public ExecutionResult Execute(ModuleCode code, ModuleObject module, Action<InterpreterDiagnostic>? onDiagnostic = null) =>
        BodyExecution.RunModule(code, module, new ExecutionRun(_callback, _options, _facts, _unknownNames, onDiagnostic));
}

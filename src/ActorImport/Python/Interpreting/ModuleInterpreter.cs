using ActorImport.Model;
using ActorImport.Python.Syntax;

namespace ActorImport.Python.Interpreting;

/// <summary>
/// The import-level interpreter: executes a parsed module body (<see cref="ModuleCode"/>) in a
/// module's namespace, calling back into the import system for every import, as CPython's eval
/// loop does. Immutable configuration; <see cref="Execute"/> may be called from several threads
/// at once for different modules (each call has its own state).
/// <para>What runs, in order: every import form (IMPORT_NAME/IMPORT_FROM/IMPORT_STAR semantics
/// and error texts); assignments to every target form; <c>def</c> (defaults evaluated,
/// decorators applied bottom-up: a source-defined decorator runs, an opaque one gives an opaque
/// value); <c>class</c> (decorators, bases and keywords evaluated, the body run, the base's
/// <c>__init_subclass__</c> and the class decorators run); <c>del</c>, <c>global</c>,
/// <c>nonlocal</c>; if/elif/else; try/except/else/finally; raise; assert; with (source-defined
/// managers entered and exited); <c>sys.modules[k] = v</c>; <c>importlib.import_module</c>,
/// <c>__import__</c>, <c>time.sleep</c>; PEP 810 lazy imports.</para>
/// <para>Calls: a function defined in Python source — the module's own or an imported source
/// module's — runs when called (BodyExecution.Calls.cs): CPython's argument binding, a new frame
/// over the same run (its imports happen, its <c>return</c> gives the value, its <c>raise</c>
/// reaches the caller's <c>try</c>), closures, <c>global</c>/<c>nonlocal</c>. Calling a source
/// class makes an instance and runs its <c>__init__</c>. Builtins (<c>hasattr</c>, <c>getattr</c>,
/// <c>isinstance</c>, <c>len</c>, <c>dir</c>, conversions…) and the methods of plain values answer
/// on known values. A module-level <c>__getattr__</c>/<c>__dir__</c> (PEP 562) is called for
/// missing names (<see cref="TryGetModuleAttribute"/> is the engine's entry point). The
/// attributes of built-in and extension modules are decided from CPython's recorded
/// <c>dir()</c> (<see cref="Facts.ModuleAttributeTable"/>).</para>
/// <para>Undecided points at module level: a condition the interpreter cannot decide is reported
/// (<see cref="DiagnosticKind.UndecidedCondition"/>) and taken as FALSE, so the next
/// <c>elif</c>/<c>else</c> runs. Real code puts the portable, always-available path in the
/// <c>else</c> (optional accelerators, platform or feature probes, debug switches, environment
/// flags are the tested conditions), so false follows the path CPython takes on most hosts and
/// never imports what only a special configuration needs. Inside a call no rule is taken: the
/// call is abandoned at that point, reported once (<see cref="DiagnosticKind.UndecidedCall"/>),
/// its result is opaque, and the namespaces it could have written are marked as holding unknown
/// names. A call that nests deeper than <see cref="InterpreterOptions.MaxCallDepth"/> or runs
/// more than a tenth of <see cref="InterpreterOptions.MaxSteps"/> statements is abandoned alike
/// (<see cref="DiagnosticKind.Budget"/>); the import always completes.</para>
/// <para>Loops: <c>for</c> over known items (literals, lists, ranges, dict views, comprehensions…)
/// runs its body per item with break/continue/else; over anything else it is an undecided point.
/// <c>while</c> runs while its condition is decided true. A module-level loop is bounded by
/// <see cref="InterpreterOptions.MaxLoopIterations"/>, and every iteration, statement and item
/// of a bulk operation of the body (calls included) counts against one work budget per body,
/// <see cref="InterpreterOptions.MaxSteps"/>: once it is spent, loops are left and bulk results
/// are opaque (reported), so nested loops cannot multiply the per-loop bound. <c>match</c> is an undecided point.</para>
/// <para>Attribute reads that Python would fail on a module whose body ran here
/// (<c>mod.missing</c>) are reported and opaque rather than raising <c>AttributeError</c>,
/// because opaque code may have bound the name; on a class or a built-in module whose names are
/// recorded they raise, as CPython does.</para>
/// </summary>
public sealed class ModuleInterpreter
{
    private readonly IImportCallback _callback;
    private readonly InterpreterOptions _options;
    private readonly KnownModuleFacts _facts;
    private readonly UnknownNames _unknownNames = new();
    private readonly ExecutingFrames _frames = new();

    public ModuleInterpreter(IImportCallback callback, InterpreterOptions? options = null)
    {
        _callback = callback;
        _options = options ?? InterpreterOptions.Default;
        _facts = new KnownModuleFacts(_options);
    }

    public InterpreterOptions Options => _options;

    /// <summary>The frames executing in each chain, and the tracebacks of the exceptions that left them.</summary>
    public ExecutingFrames Frames => _frames;

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
        bool? hooked = new ExecutionRun(_callback, _options, _facts, _unknownNames, _frames, onDiagnostic).TryModuleGetattr(module, name, out value);
        if (hooked is null)
        {
            value = new Values.OpaqueValue($"{module.Name}.{name}");
        }
        return hooked != false;
    }

    /// <summary>Runs <paramref name="code"/> in <paramref name="module"/>'s namespace (see the type's summary).</summary>
    /// <exception cref="PythonException">
    /// What the body raises, as CPython would (an import's ImportError, a <c>raise</c>, a TypeError
    /// of a call…), or CPython's compile-time <c>RecursionError</c> for an expression nested deeper
    /// than the evaluator's limit. Nothing else escapes (fuzzed:
    /// tests/ActorImport.Tests/Reliability/FuzzPythonTests.cs).
    /// </exception>
    public ExecutionResult Execute(ModuleCode code, ModuleObject module, Action<InterpreterDiagnostic>? onDiagnostic = null) =>
        BodyExecution.RunModule(code, module, new ExecutionRun(_callback, _options, _facts, _unknownNames, _frames, onDiagnostic));
}

using ActorImport.Model;

namespace ActorImport.Python.Interpreting;

/// <summary>
/// The facts a module body may test at import time, and the lazy-import mode. Immutable
/// (init-only); safe to share between threads and engines.
/// </summary>
public sealed record InterpreterOptions
{
    public static InterpreterOptions Default { get; } = new();

    /// <summary><c>sys.version_info</c> as (major, minor, micro); default 3.11.7.</summary>
    public Version TargetVersion { get; init; } = new(3, 11, 7);

    /// <summary><c>sys.platform</c>.</summary>
    public string Platform { get; init; } = "linux";

    /// <summary><c>os.name</c>.</summary>
    public string OsName { get; init; } = "posix";

    /// <summary><c>sys.implementation.name</c>.</summary>
    public string ImplementationName { get; init; } = "cpython";

    /// <summary><c>sys.builtin_module_names</c> (CPython 3.11 on Linux by default; hosts may set their own).</summary>
    public IReadOnlyList<string> BuiltinModuleNames { get; init; } =
    [
        "_abc", "_ast", "_codecs", "_collections", "_functools", "_imp", "_io", "_locale", "_operator", "_signal", "_sre",
        "_stat", "_string", "_symtable", "_thread", "_tokenize", "_tracemalloc", "_warnings", "_weakref", "atexit", "builtins",
        "errno", "faulthandler", "gc", "itertools", "marshal", "posix", "pwd", "sys", "time", "xxsubtype",
    ];

    /// <summary>
    /// <c>__name__</c> of the code that calls the import system from outside any body (the
    /// frame below the outermost one, see <see cref="ExecutingFrames"/>): <c>__main__</c>, as
    /// for <c>python -c "import m"</c> or a script. Decides which warnings CPython's default
    /// filters show (<c>default::DeprecationWarning:__main__</c>).
    /// </summary>
    public string CallerModuleName { get; init; } = "__main__";

    /// <summary><c>__debug__</c> (false under <c>-O</c>).</summary>
    public bool Debug { get; init; } = true;

    public LazyImportMode LazyImports { get; init; } = LazyImportMode.Normal;

    /// <summary>Whether <c>time.sleep(literal)</c> really sleeps (tests of timing need it; off only for dry runs).</summary>
    public bool HonourSleep { get; init; } = true;

    /// <summary>Upper bound of iterations for a module-level <c>for</c>/<c>while</c>; beyond it the loop is reported undecided and left. (Loops inside calls count against <see cref="MaxSteps"/>.)</summary>
    public int MaxLoopIterations { get; init; } = 10_000;

    /// <summary>How deep calls of Python-defined functions may nest at import time; a deeper call abandons the outermost one (opaque result, reported).</summary>
    public int MaxCallDepth { get; init; } = 100;

    /// <summary>
    /// The work budget of one module body execution: every statement (calls included), loop and
    /// comprehension iteration and the items of bulk operations count, and once it is spent
    /// module-level loops are left and bulk results are opaque (reported), see <c>CallBudget</c>.
    /// One call made from module level may execute a tenth of it (nested calls included) before
    /// it is abandoned (opaque result, reported).
    /// </summary>
    public int MaxSteps { get; init; } = 2_000_000;

    /// <summary>These options with the budget configured under <c>actor-import.interpreter</c> (akka.hocon).</summary>
    public InterpreterOptions WithBudget(Configuration.InterpreterBudgetOptions budget) => this with
    {
        MaxCallDepth = budget.MaxCallDepth,
        MaxSteps = budget.MaxSteps,
        MaxLoopIterations = budget.MaxLoopIterations,
    };
}

using ActorImport.Model;

namespace ActorImport.Python.Interpreting;

/// <summary>
/// What a module body needs from the import system: CPython's <c>__import__</c> plus a view of
/// <c>sys.modules</c>. The engine (issue 4/6) implements it; tests use a fake.
/// Thread-safety: the interpreter calls it only from the thread that executes the body (the
/// owning import chain); an implementation shared by several chains must be thread-safe.
/// </summary>
public interface IImportCallback
{
    /// <summary>
    /// <c>__import__(name, globals, fromlist, level)</c>, with CPython's return value: for
    /// <c>import a.b</c> (no fromlist, level 0) the top-level package <c>a</c>; with a fromlist the
    /// module <c>a.b</c> itself after <c>_handle_fromlist</c>; for a relative import without a
    /// fromlist the package the first component refers to. Errors are thrown as
    /// <see cref="PythonException"/> (usually <see cref="ImportError"/>).
    /// </summary>
    object? Import(string name, ModuleObject globals, IReadOnlyList<string>? fromlist, int level);

    /// <summary><c>sys.modules.get(name)</c>: false when the key is absent (a present <c>None</c> is true with null).</summary>
    bool TryGetSysModule(string name, out object? module);

    /// <summary><c>sys.modules[name] = value</c>.</summary>
    void SetSysModule(string name, object? value);

    /// <summary><c>del sys.modules[name]</c>; false when the key was absent (the body then gets a <c>KeyError</c>).</summary>
    bool RemoveSysModule(string name);

    /// <summary>
    /// True while <paramref name="module"/> is being initialised (CPython's
    /// <c>module.__spec__._initializing</c>). The engine answers from its module actors; the
    /// interpreter only uses it to choose IMPORT_FROM's "partially initialized module" text.
    /// </summary>
    bool IsInitializing(ModuleObject module) => false;

    /// <summary>
    /// A PEP 810 lazy binding of <paramref name="moduleName"/> (as the statement wrote it; for
    /// <c>lazy from m import y</c>, <paramref name="fromName"/> is <c>y</c>) is about to be
    /// resolved, on the thread that touched it; its import follows. The engine reports it to its
    /// observer; the default does nothing.
    /// </summary>
    void LazyImportReifying(string moduleName, string? fromName)
    {
    }
}

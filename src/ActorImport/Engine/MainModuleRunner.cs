using ActorImport.Discovery;
using ActorImport.Loading;
using ActorImport.Model;

namespace ActorImport.Engine;

/// <summary>
/// <c>python3 FILE</c> and <c>python3 -m MODULE</c> over an <see cref="ImportEngine"/>: CPython's
/// start-up part (<c>Modules/main.c</c>: <c>sys.path[0]</c>, <c>pymain_run_file</c>) and
/// <c>runpy._run_module_as_main</c>. The body runs in <c>sys.modules['__main__']</c> (the start-up
/// module when the engine has one), on the calling thread, outside any import chain — as
/// CPython's main body runs holding no module lock — so its imports are ordinary imports.
/// <list type="bullet">
/// <item>FILE: <c>__name__ == '__main__'</c>, <c>__spec__</c> and <c>__package__</c> None,
/// <c>__file__</c> the path made absolute without normalising (<c>_Py_abspath</c>),
/// <c>__cached__</c> None, <c>__loader__</c> a <c>SourceFileLoader('__main__', file)</c>;
/// <c>sys.path[0]</c> is the directory of the file's real path. A directory or zip file runs its
/// <c>__main__</c> module, found on <c>sys.path[0]</c> = the path itself.</item>
/// <item>-m MODULE: <c>sys.path[0]</c> is the current directory; parent packages are imported
/// first; a package runs its <c>__main__</c> submodule; the body gets <c>__name__ == '__main__'</c>,
/// <c>__spec__</c> the module's own spec (its real name), <c>__package__</c> its parent,
/// <c>__file__</c> its origin. The module is not stored under its real name.</item>
/// </list>
/// Errors before the body runs are <see cref="MainModuleError"/>s with CPython's text and exit
/// code; an exception of the body propagates as the <see cref="PythonException"/> it is (its
/// traceback: <c>engine.Interpreter.Frames.TracebackOf</c>). Not modelled: <c>sys.argv</c>
/// (the interpreter has no <c>sys</c> values), <c>import runpy</c>'s own imports, runpy's
/// RuntimeWarning for a module already imported by its package.
/// Stateless; the engine it is given is thread-safe, but CPython runs one main body per
/// interpreter: run one per engine.
/// </summary>
public static class MainModuleRunner
{
    /// <summary><c>python3 FILE</c>: runs <paramref name="file"/> (relative to <paramref name="currentDirectory"/>, default the process's) as <c>__main__</c>.</summary>
    /// <returns>The main module after its body ran.</returns>
    public static ModuleObject RunFileAsMain(ImportEngine engine, string file, string? currentDirectory = null)
    {
        string cwd = currentDirectory ?? Directory.GetCurrentDirectory();
        string absolute = Abspath(file, cwd);
        // pymain_get_importer: a path some path hook accepts (a directory, a zip file) is put on
        // sys.path and its __main__ module run (runpy._run_module_as_main("__main__", alter_argv=False)).
        if (PathEntrySearch.FinderFor(engine.FinderState, absolute) is not null)
        {
            engine.Path.Insert(0, absolute);
            ModuleSpec spec = GetMainModuleDetails(engine, absolute);
            return RunCode(engine, spec);
        }
        if (!File.Exists(absolute))
        {
            string reason = Directory.Exists(absolute) ? "[Errno 21] Is a directory" : "[Errno 2] No such file or directory";
            throw new MainModuleError($"can't open file {PythonRepr.Str(absolute)}: {reason}", exitCode: 2);
        }
        engine.Path.Insert(0, SysPath0ForFile(absolute, cwd));
        ModuleObject main = MainModule(engine);
        main.SetAttribute("__name__", "__main__");
        // _PyRun_SimpleFileObject: __file__ and __cached__ (None) first, then set_main_loader.
        main.SetAttribute("__file__", absolute);
        main.SetAttribute("__cached__", null);
        FileLoader loader = absolute.EndsWith(".pyc", StringComparison.Ordinal)
            ? new SourcelessFileLoader("__main__", absolute, engine.FinderState.BodyRunner)
            : new SourceFileLoader("__main__", absolute, engine.FinderState.BodyRunner);
        main.SetAttribute("__loader__", loader);
        loader.ExecModule(main);
        return main;
    }

    /// <summary><c>python3 -m MODULE</c>: <c>sys.path[0]</c> = <paramref name="currentDirectory"/> (default the process's), then <c>runpy._run_module_as_main(MODULE)</c>.</summary>
    /// <returns>The main module after its body ran.</returns>
    public static ModuleObject RunModuleAsMain(ImportEngine engine, string moduleName, string? currentDirectory = null)
    {
        engine.Path.Insert(0, currentDirectory ?? Directory.GetCurrentDirectory());
        ModuleSpec spec = GetModuleDetails(engine, moduleName);
        return RunCode(engine, spec);
    }

    /// <summary>
    /// <c>runpy._get_module_details(mod_name, error=_Error)</c>: the spec of the module that
    /// <c>-m</c> would run (for a package, its <c>__main__</c> submodule's), with runpy's errors.
    /// </summary>
    public static ModuleSpec GetModuleDetails(ImportEngine engine, string moduleName)
    {
        if (moduleName.StartsWith('.'))
        {
            throw new MainModuleError("Relative module names not supported");
        }
        int dot = moduleName.LastIndexOf('.');
        if (dot > 0)
        {
            string packageName = moduleName[..dot];
            try
            {
                // Import the parent first so that its initialisation errors are not caught below.
                engine.ImportName(packageName);
            }
            catch (ImportError e) when (e.Name is not null && (e.Name == packageName || packageName.StartsWith(e.Name + ".", StringComparison.Ordinal)))
            {
                // A missing parent or ancestor: find_spec below raises and reports it.
            }
        }
        ModuleSpec? spec;
        try
        {
            spec = engine.FindSpec(moduleName);
        }
        catch (PythonException e) when (e is ImportError || e.IsInstanceOf("AttributeError") || e.IsInstanceOf("TypeError") || e.IsInstanceOf("ValueError"))
        {
            string message = $"Error while finding module specification for {PythonRepr.Str(moduleName)} ({e.TypeName}: {e.Message})";
            if (moduleName.EndsWith(".py", StringComparison.Ordinal))
            {
                message += $". Try using '{moduleName[..^3]}' instead of '{moduleName}' as the module name.";
            }
            throw new MainModuleError(message, inner: e);
        }
        if (spec is null)
        {
            throw new MainModuleError($"No module named {moduleName}");
        }
        if (spec.SubmoduleSearchLocations is not null)
        {
            if (moduleName == "__main__" || moduleName.EndsWith(".__main__", StringComparison.Ordinal))
            {
                throw new MainModuleError("Cannot use package as __main__ module");
            }
            try
            {
                return GetModuleDetails(engine, moduleName + ".__main__");
            }
            catch (MainModuleError e) when (engine.Modules.ContainsKey(moduleName))
            {
                throw new MainModuleError($"{e.Message}; {PythonRepr.Str(moduleName)} is a package and cannot be directly executed", inner: e);
            }
        }
        if (spec.Loader is null)
        {
            throw new MainModuleError($"{PythonRepr.Str(moduleName)} is a namespace package and cannot be executed");
        }
        // loader.get_code(mod_name): built-in and extension modules have no code object.
        if (spec.Loader is BuiltinImporter or ExtensionFileLoader)
        {
            throw new MainModuleError($"No code object available for {moduleName}");
        }
        return spec;
    }

    /// <summary>
    /// <c>runpy._get_main_module_details</c>: the spec of <c>__main__</c> on the path (a directory
    /// or zip file run as FILE), with <c>sys.modules['__main__']</c> moved out of the way while it
    /// is found; "can't find '__main__' module in …" when there is none.
    /// </summary>
    private static ModuleSpec GetMainModuleDetails(ImportEngine engine, string sysPath0)
    {
        engine.Modules.TryGetValue("__main__", out object? saved);
        bool hadMain = engine.Modules.Remove("__main__");
        try
        {
            return GetModuleDetails(engine, "__main__");
        }
        catch (MainModuleError e) when (e.Message.Contains("__main__", StringComparison.Ordinal))
        {
            throw new MainModuleError($"can't find '__main__' module in {PythonRepr.Str(sysPath0)}", inner: e);
        }
        finally
        {
            if (hadMain)
            {
                engine.Modules["__main__"] = saved;
            }
        }
    }

    /// <summary>
    /// <c>runpy._run_code(code, sys.modules['__main__'].__dict__, None, '__main__', mod_spec)</c>:
    /// the main module's dunders from the spec, then the loader executes the body in it.
    /// </summary>
    private static ModuleObject RunCode(ImportEngine engine, ModuleSpec spec)
    {
        ModuleObject main = MainModule(engine);
        main.SetAttribute("__name__", "__main__");
        main.SetAttribute("__file__", spec.Origin);
        main.SetAttribute("__cached__", spec.Cached);
        main.SetAttribute("__doc__", null);
        main.SetAttribute("__loader__", spec.Loader);
        main.SetAttribute("__package__", spec.Parent);
        main.SetAttribute("__spec__", spec);
        spec.Loader!.ExecModule(main);
        return main;
    }

    /// <summary><c>sys.modules['__main__']</c>, or (for an engine started without it) a new module stored there, as CPython's start-up does.</summary>
    private static ModuleObject MainModule(ImportEngine engine)
    {
        if (engine.Modules.TryGetValue("__main__", out object? existing) && existing is ModuleObject module)
        {
            return module;
        }
        var main = new ModuleObject("__main__");
        main.SetAttribute("__doc__", null);
        main.SetAttribute("__package__", null);
        main.SetAttribute("__spec__", null);
        engine.Modules["__main__"] = main;
        return main;
    }

    /// <summary><c>_Py_abspath</c>: an absolute path is kept; a relative one is joined to the directory, not normalised (<c>./x.py</c> stays <c>/cwd/./x.py</c>).</summary>
    public static string Abspath(string path, string currentDirectory) =>
        PosixPath.IsAbsolute(path) || path.Length == 0 ? (path.Length == 0 ? currentDirectory : path)
            : currentDirectory.EndsWith('/') ? currentDirectory + path : currentDirectory + "/" + path;

    /// <summary><c>_PyPathConfig_ComputeSysPath0</c> for a script: the directory of its real path (symbolic links resolved).</summary>
    public static string SysPath0ForFile(string file, string currentDirectory)
    {
        string real = PosixRealPath.Resolve(file, currentDirectory);
        int slash = real.LastIndexOf('/');
        return slash <= 0 ? "/" : real[..slash];
    }
}

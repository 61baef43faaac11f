using ActorImport.Model;
using ActorImport.Python.Interpreting.Values;
using ActorImport.Python.Syntax;

namespace ActorImport.Python.Interpreting;

// The import statements, as ceval runs IMPORT_NAME / IMPORT_FROM / IMPORT_STAR, and PEP 810's
// lazy forms.
internal sealed partial class BodyExecution
{
    /// <summary>
    /// <c>import a.b.c</c> binds <c>a</c> to what <c>__import__('a.b.c')</c> returns (the top
    /// package); <c>import a.b.c as z</c> walks <c>.b.c</c> with IMPORT_FROM (attribute, else
    /// <c>sys.modules['a.b']</c>…) and binds <c>z</c> to the submodule.
    /// </summary>
    private void ExecuteImport(ImportStatement statement, Scope scope)
    {
        foreach (ImportAlias alias in statement.Names)
        {
            string bound = alias.AsName ?? FirstComponent(alias.Name);
            Func<object?> perform = alias.AsName is null
                ? () => _callback.Import(alias.Name, _module, null, 0)
                : () => WalkSubmodules(_callback.Import(alias.Name, _module, null, 0), alias.Name);
            if (IsLazy(statement.IsLazy, alias.Name, 0, isStar: false, scope))
            {
                Bind(bound, new LazyImportProxy(alias.Name, null, statement.Line, () =>
                {
                    _callback.LazyImportReifying(alias.Name, null);
                    return perform();
                }), scope);
            }
            else
            {
                Bind(bound, perform(), scope);
            }
        }
    }

    private object? WalkSubmodules(object? top, string dottedName)
    {
        object? current = top;
        foreach (string component in dottedName.Split('.').Skip(1))
        {
            current = _fromImport.ImportFrom(current, component);
        }
        return current;
    }

    private static string FirstComponent(string dotted)
    {
        int dot = dotted.IndexOf('.');
        return dot < 0 ? dotted : dotted[..dot];
    }

    /// <summary>
    /// <c>from m import a as b, c</c>: one <c>__import__(m, globals, ('a', 'c'), level)</c>, then
    /// IMPORT_FROM for each name in order. <c>from m import *</c> binds <c>__all__</c> or the
    /// public names. A lazy form binds one proxy per name; each proxy performs the same
    /// <c>__import__</c> (returning the cached module after the first) and its IMPORT_FROM.
    /// </summary>
    private void ExecuteImportFrom(ImportFromStatement statement, Scope scope)
    {
        string module = statement.Module ?? string.Empty;
        if (module == "__future__" && statement.Names.Any(n => n.Name == "annotations"))
        {
            _futureAnnotations = true;
        }
        if (statement.IsStar)
        {
            object? source = _callback.Import(module, _module, ["*"], statement.Level);
            var bindings = _fromImport.ImportAll(source, out string? undecided);
            if (undecided is not null)
            {
                Report(DiagnosticKind.UndecidedImport, statement.Line, undecided);
                _unknownNames.Mark(_module);
            }
            foreach (var (name, value) in bindings)
            {
                Bind(name, value, scope);
            }
            return;
        }
        string[] fromlist = statement.Names.Select(n => n.Name).ToArray();
        string displayName = new string('.', statement.Level) + module;
        if (IsLazy(statement.IsLazy, module, statement.Level, isStar: false, scope) && module != "__future__")
        {
            foreach (ImportAlias alias in statement.Names)
            {
                string name = alias.Name;
                Func<object?> perform = () =>
                {
                    _callback.LazyImportReifying(displayName, name);
                    return _fromImport.ImportFrom(_callback.Import(module, _module, fromlist, statement.Level), name);
                };
                Bind(alias.AsName ?? name, new LazyImportProxy(displayName, name, statement.Line, perform), scope);
            }
            return;
        }
        object? imported = _callback.Import(module, _module, fromlist, statement.Level);
        foreach (ImportAlias alias in statement.Names)
        {
            Bind(alias.AsName ?? alias.Name, _fromImport.ImportFrom(imported, alias.Name), scope);
        }
    }

    /// <summary>
    /// PEP 810: whether this import binds a proxy. Mode <c>none</c>: never. The <c>lazy</c>
    /// keyword: yes (the parser checked where it stands). Otherwise only an eligible import —
    /// module scope, outside any <c>try</c>, not star, not <c>__future__</c> — is lazy, in mode
    /// <c>all</c> or when <c>__lazy_modules__</c> names the module (as written or resolved).
    /// </summary>
    private bool IsLazy(bool explicitLazy, string module, int level, bool isStar, Scope scope)
    {
        if (_options.LazyImports == LazyImportMode.None)
        {
            return false;
        }
        if (explicitLazy)
        {
            return true;
        }
        if (!scope.IsModule || _tryDepth > 0 || isStar || module == "__future__")
        {
            return false;
        }
        if (_options.LazyImports == LazyImportMode.All)
        {
            return true;
        }
        if (!_module.TryGetAttribute("__lazy_modules__", out object? names) || names is null)
        {
            return false;
        }
        string resolved = module;
        if (level > 0)
        {
            try
            {
                resolved = PackageResolution.Resolve(module, PackageResolution.CalculatePackage(_module), level);
            }
            catch (ImportError)
            {
                return false;
            }
        }
        return PyOperators.Contains(names, resolved) == true;
    }
}
